package io.jitp.maven;

import io.jitp.core.jitp.CaRegistrar;
import io.jitp.core.jitp.CaRegistrationRequest;
import io.jitp.core.jitp.CaRegistrationResult;
import io.jitp.core.jitp.ProvisioningTemplate;
import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Locale;

/**
 * Registers the CA with AWS IoT for Just-In-Time Provisioning (the seed's {@code bin/register-ca}): a verification
 * certificate for the account's registration code, signed by the CA, then RegisterCACertificate with setAsActive,
 * allowAutoRegistration and the JITP registration config (template + role). Rerunning is safe: a CA already
 * registered has its status and configuration brought in line, and the log says whether anything changed. Before
 * anything is registered, the template is checked against the device subject the build issues ({@code iot.device.*})
 * and the CA key's size. The result (certificate id, ARN) goes to {@code <outputDirectory>/register-ca/<caName>.json}
 * and the project properties {@code iot.ca.certificateId} and {@code iot.ca.certificateArn}.
 *
 * @since 0.1.0
 */
@Mojo(name = "register-ca", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, requiresProject = false,
        threadSafe = true)
public class RegisterCaMojo extends AbstractAwsMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REGISTER_CA_SKIP, defaultValue = "false")
    private boolean skipRegisterCa;

    /**
     * JITP provisioning template file (JSON). Default: the seed's template (a thing named from the certificate's
     * CommonName, the certificate ACTIVE, the policy {@code IoTAccess}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TEMPLATE_BODY)
    private File templateBody;

    /**
     * Role AWS IoT assumes to run the template. Default: the {@code ProvisioningRoleArn} output of a stack
     * deploy-stack recorded in {@code <outputDirectory>/stacks}, else {@code arn:aws:iam::<account>:role/IoTProvisioning}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ROLE_ARN)
    private String roleArn;

    /**
     * {@code DEFAULT} (proof of possession with the registration code) or {@code SNI_ONLY} (no verification
     * certificate; devices must send SNI).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CERTIFICATE_MODE, defaultValue = "DEFAULT")
    private String certificateMode;

    /**
     * Folder for results; defaults to {@code ${project.build.directory}/iot-jitp}, or {@code ./target/iot-jitp}
     * without a POM.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY)
    private File outputDirectory;

    private ProvisioningTemplate template;
    private CertificateAuthority ca;
    private X509Certificate caCertificate;
    private SubjectProfile deviceSubject;
    private boolean sniOnly;

    @Override
    protected void beforeConnect() throws IOException, MojoFailureException {
        sniOnly = switch (certificateMode.trim().toUpperCase(Locale.ROOT)) {
            case "DEFAULT" -> false;
            case "SNI_ONLY" -> true;
            default -> throw new MojoFailureException(PropertyNames.CERTIFICATE_MODE + " is '" + certificateMode
                    + "'; use DEFAULT or SNI_ONLY");
        };
        template = templateBody == null ? ProvisioningTemplate.defaultTemplate()
                : ProvisioningTemplate.read(baseDirectory().resolve(templateBody.toPath()));
        CaStore store = caStore();
        if (sniOnly && !Files.isRegularFile(store.certificateFile())) {
            store.load(null);
        }
        // SNI_ONLY needs no proof of possession: the CA key (and its password) stays untouched.
        ca = sniOnly ? null : loadCa();
        caCertificate = sniOnly ? Pem.readCertificate(store.certificateFile()) : ca.certificate();
        deviceSubject = DeviceSubjectProperties.read(session(), project());
        CaRegistrar.lint(template, deviceSubject, caCertificate);
        getLog().info("Pre-flight check passed: " + template.source() + " fits the device subject and the CA key");
    }

    @Override
    protected void runAws() throws IOException {
        CaRegistrationResult result = new CaRegistrar(clients().iot(), reporter()).register(
                new CaRegistrationRequest(caCertificate, ca, sniOnly, template, resolveRoleArn(), deviceSubject));
        Path file = outputFolder(outputDirectory).resolve("register-ca").resolve(caStore().name() + ".json");
        result.write(file, caStore().name(), connection().target().name(), connection().region(),
                connection().accountId());
        project().getProperties().setProperty("iot.ca.certificateId", result.certificateId());
        project().getProperties().setProperty("iot.ca.certificateArn", result.certificateArn());
        getLog().info("CA " + result.certificateId() + " " + result.action() + "; result in " + file);
    }

    private String resolveRoleArn() throws IOException {
        if (roleArn != null && !roleArn.isBlank()) {
            return roleArn.trim();
        }
        Path stacks = outputFolder(outputDirectory).resolve("stacks");
        var found = RoleArns.fromStacks(stacks);
        if (found.isPresent()) {
            getLog().info("Role " + found.get().roleArn() + " from " + found.get().file());
            return found.get().roleArn();
        }
        String role = RoleArns.seedDefault(connection().accountId());
        getLog().info("Role " + role + " (the seed's; deploy it with mvn iot:deploy-stack or set -D"
                + PropertyNames.ROLE_ARN + ")");
        return role;
    }

    @Override
    protected String goal() {
        return "register-ca";
    }

    @Override
    protected boolean skipGoal() {
        return skipRegisterCa;
    }
}
