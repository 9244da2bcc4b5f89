package io.jitp.core.jitp;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;
import io.jitp.core.pki.CertificateIds;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;

import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AutoRegistrationStatus;
import software.amazon.awssdk.services.iot.model.CACertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateMode;
import software.amazon.awssdk.services.iot.model.DescribeCaCertificateResponse;
import software.amazon.awssdk.services.iot.model.RegisterCaCertificateResponse;
import software.amazon.awssdk.services.iot.model.RegistrationConfig;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers a CA for JITP as the seed's {@code bin/register-ca} did: registration code, a verification certificate
 * ({@code CN} = the code) signed by the CA, then RegisterCACertificate with setAsActive, allowAutoRegistration and
 * the registration config. Idempotent: a CA already registered (same certificate id) has its status and
 * configuration brought in line instead, and nothing is duplicated. A pre-flight lint runs before any call.
 */
public final class CaRegistrar {
    /** AWS IoT refuses RSA keys shorter than this. */
    public static final int MIN_RSA_BITS = 2048;
    private static final int VERIFICATION_VALIDITY_DAYS = 1;

    private final IotClient iot;
    private final Reporter reporter;

    /**
     * @param iot      the IoT client of the target
     * @param reporter receives what happens
     */
    public CaRegistrar(IotClient iot, Reporter reporter) {
        this.iot = iot;
        this.reporter = reporter;
    }

    /**
     * Checks, without any call, that devices issued by this build will provision: every template parameter is
     * satisfiable from the device subject, and an RSA CA key is at least {@value #MIN_RSA_BITS} bits (device keys
     * are: the build offers no shorter RSA type).
     *
     * @param template      the JITP template
     * @param deviceSubject the subject attributes the build gives devices
     * @param caCertificate the CA certificate
     * @throws InvalidInputException listing every problem
     */
    public static void lint(ProvisioningTemplate template, SubjectProfile deviceSubject,
                            X509Certificate caCertificate) {
        List<String> problems = new ArrayList<>(template.lint(deviceSubject));
        if (caCertificate.getPublicKey() instanceof RSAPublicKey rsa
                && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            problems.add("the CA has an RSA key of " + rsa.getModulus().bitLength() + " bits; AWS IoT needs at least "
                    + MIN_RSA_BITS + " (create a new CA with mvn iot:create-ca -Diot.force=true)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Nothing was registered: devices would stay PENDING_ACTIVATION or be"
                    + " refused, because in " + template.source() + " (device subject " + describe(deviceSubject)
                    + "):\n  - " + String.join("\n  - ", problems));
        }
    }

    /**
     * Lints, then registers the CA or brings its registration in line.
     *
     * @param request the registration
     * @return what was done
     * @throws InvalidInputException if the lint fails (nothing is registered then)
     */
    public CaRegistrationResult register(CaRegistrationRequest request) {
        lint(request.template(), request.deviceSubject(), request.caCertificate());
        String id = CertificateIds.of(request.caCertificate());
        DescribeCaCertificateResponse existing;
        try {
            existing = iot.describeCACertificate(r -> r.certificateId(id));
        } catch (ResourceNotFoundException e) {
            return registerNew(request, id);
        }
        return update(request, existing);
    }

    private CaRegistrationResult registerNew(CaRegistrationRequest request, String id) {
        String verification = null;
        if (!request.sniOnly()) {
            String code = iot.getRegistrationCode(r -> { }).registrationCode();
            X509Certificate certificate = request.ca().issueDeviceCertificate(KeyAlgorithm.EC_P256.generate()
                    .getPublic(), SubjectProfile.ofCommonName(code), VERIFICATION_VALIDITY_DAYS);
            verification = Pem.encode(certificate);
        }
        String verificationPem = verification;
        RegisterCaCertificateResponse response;
        try {
            response = iot.registerCACertificate(r -> r.caCertificate(Pem.encode(request.caCertificate()))
                    .verificationCertificate(verificationPem).setAsActive(true).allowAutoRegistration(true)
                    .certificateMode(mode(request)).registrationConfig(config(request)));
        } catch (ResourceAlreadyExistsException e) {
            // Registered by a concurrent build between our describe and register: align it like any other.
            return update(request, iot.describeCACertificate(r -> r.certificateId(id)));
        }
        reporter.info("Registered CA " + response.certificateId() + " (" + mode(request) + ", ACTIVE,"
                + " auto-registration ENABLE, role " + request.roleArn() + ")");
        return new CaRegistrationResult(response.certificateId(), response.certificateArn(),
                CaRegistrationResult.REGISTERED, request.roleArn(), mode(request).toString());
    }

    private CaRegistrationResult update(CaRegistrationRequest request, DescribeCaCertificateResponse existing) {
        var description = existing.certificateDescription();
        RegistrationConfig current = existing.registrationConfig();
        List<String> changes = new ArrayList<>();
        if (description.status() != CACertificateStatus.ACTIVE) {
            changes.add("status " + description.statusAsString() + " -> ACTIVE");
        }
        if (description.autoRegistrationStatus() != AutoRegistrationStatus.ENABLE) {
            changes.add("auto-registration " + description.autoRegistrationStatusAsString() + " -> ENABLE");
        }
        if (current == null || !request.template().sameAs(current.templateBody())) {
            changes.add("provisioning template");
        }
        if (current == null || !request.roleArn().equals(current.roleArn())) {
            changes.add("role " + (current == null ? null : current.roleArn()) + " -> " + request.roleArn());
        }
        if (description.certificateMode() != mode(request)) {
            reporter.warn("CA " + description.certificateId() + " is registered in " + description.certificateMode()
                    + " mode, not " + mode(request) + "; AWS cannot change the mode of a registered CA (delete it"
                    + " and register again to change it)");
        }
        String action = CaRegistrationResult.UNCHANGED;
        if (changes.isEmpty()) {
            reporter.info("CA " + description.certificateId() + " is already registered and up to date;"
                    + " nothing changed");
        } else {
            iot.updateCACertificate(r -> r.certificateId(description.certificateId())
                    .newStatus(CACertificateStatus.ACTIVE).newAutoRegistrationStatus(AutoRegistrationStatus.ENABLE)
                    .registrationConfig(config(request)));
            reporter.info("CA " + description.certificateId() + " was already registered; updated "
                    + String.join(", ", changes) + " (nothing duplicated)");
            action = CaRegistrationResult.UPDATED;
        }
        return new CaRegistrationResult(description.certificateId(), description.certificateArn(), action,
                request.roleArn(), description.certificateModeAsString());
    }

    private static CertificateMode mode(CaRegistrationRequest request) {
        return request.sniOnly() ? CertificateMode.SNI_ONLY : CertificateMode.DEFAULT;
    }

    private static RegistrationConfig config(CaRegistrationRequest request) {
        return RegistrationConfig.builder().templateBody(request.template().body()).roleArn(request.roleArn()).build();
    }

    private static String describe(SubjectProfile subject) {
        String text = subject.withCommonName("<device id>").toString();
        return text.isEmpty() ? "CN=<device id>" : text;
    }
}
