package io.jitp.core.loadtest;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;
import io.jitp.core.aws.AwsConnection;
import io.jitp.core.aws.Target;
import io.jitp.core.jitp.CaRegistrar;
import io.jitp.core.jitp.CaRegistrationRequest;
import io.jitp.core.jitp.CaRegistrationResult;
import io.jitp.core.jitp.ProvisioningTemplate;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.SubjectProfile;
import io.jitp.core.stacks.StackTemplate;

import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What AWS IoT (or the stand-in) needs before a load test: the device policy {@value #POLICY} (from the bundled
 * {@code loadtest-policy} stack) and the load-test CA registered for JITP with a template attaching it, so each
 * device is provisioned on its first connection, as in the seed.
 */
public final class LoadTestSetup {
    /** The policy the JITP template attaches. */
    public static final String POLICY = "LoadTestPolicy";

    private LoadTestSetup() {
    }

    /** @return the seed's JITP template with {@value #POLICY} instead of IoTAccess */
    public static ProvisioningTemplate template() {
        try (InputStream in = LoadTestSetup.class.getResourceAsStream("loadtest-template.json")) {
            return ProvisioningTemplate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "the load-test JITP template");
        } catch (IOException e) {
            throw new IllegalStateException("The load-test JITP template is missing from the core jar", e);
        }
    }

    /**
     * Checks the policy exists and registers (or brings in line) the CA for JITP with the load-test template.
     *
     * @param iot           the IoT client
     * @param ca            the load-test CA
     * @param roleArn       the role AWS IoT assumes to run the template
     * @param deviceSubject subject attributes of the load-test devices (checked against the template)
     * @param reporter      progress
     * @return the registration
     * @throws InvalidInputException if {@value #POLICY} does not exist
     */
    public static CaRegistrationResult prepare(IotClient iot, CertificateAuthority ca, String roleArn,
                                               SubjectProfile deviceSubject, Reporter reporter) {
        try {
            iot.getPolicy(r -> r.policyName(POLICY));
        } catch (ResourceNotFoundException e) {
            throw new InvalidInputException("The policy " + POLICY + " does not exist; deploy it first with mvn"
                    + " iot:deploy-stack -Diot.stackTemplate=" + StackTemplate.LOADTEST_POLICY, e);
        }
        CaRegistrar.lint(template(), deviceSubject, ca.certificate());
        return new CaRegistrar(iot, reporter).register(new CaRegistrationRequest(ca.certificate(), ca, false,
                template(), roleArn, deviceSubject));
    }

    /**
     * @param connection a target
     * @return its MQTT data endpoint as the load test's broker
     */
    public static BrokerAddress broker(AwsConnection connection) {
        String name = connection.target() == Target.LOCAL ? "local stand-in" : "AWS " + connection.region();
        return new BrokerAddress(connection.mqttHost(), connection.mqttPort(), connection.mqttTrustAnchors(),
                name + " (" + connection.mqttHost() + ":" + connection.mqttPort() + ")");
    }
}
