package io.jitp.emulator.iot.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jitp.core.pki.CertificateIds;
import io.jitp.core.pki.Pem;
import io.jitp.emulator.testing.AwsCli;
import io.jitp.emulator.testing.StandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AutoRegistrationStatus;
import software.amazon.awssdk.services.iot.model.CACertificateStatus;
import software.amazon.awssdk.services.iot.model.DescribeCaCertificateResponse;

/**
 * The seed's register-ca sequence with two clients nobody here wrote: openssl makes the CA and the verification
 * certificate, the Debian AWS CLI v2 talks to the stand-in.
 */
class AwsCliRegisterCaTest {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATE = """
            {"Parameters":{"AWS::IoT::Certificate::CommonName":{"Type":"String"},\
            "AWS::IoT::Certificate::Id":{"Type":"String"}},\
            "Resources":{"thing":{"Type":"AWS::IoT::Thing","Properties":{"ThingName":\
            {"Ref":"AWS::IoT::Certificate::CommonName"}}}}}""";

    @TempDir
    Path work;

    private void openssl(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("openssl.log").toFile()).start();
        assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), Files.readString(work.resolve("openssl.log")));
    }

    private static JsonNode ok(AwsCli.Result result) throws Exception {
        assertEquals(0, result.exitCode(), result.toString());
        return result.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout());
    }

    @Test
    void registersAnOpensslCaWithTheAwsCli() throws Exception {
        assumeTrue(Files.isExecutable(OPENSSL), "SKIPPED: " + OPENSSL + " is not installed");
        try (StandIn standIn = StandIn.start(work.resolve("state"))) {
            var endpoints = standIn.endpoints();
            AwsCli aws = AwsCli.requireInstalled(Files.createDirectories(work.resolve("home")), endpoints.region(),
                    endpoints.accessKeyId(), endpoints.secretAccessKey());
            String url = endpoints.controlPlaneUrl().toString();

            openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "root.ca.key", "-out",
                    "root.ca.pem", "-days", "1024", "-sha256", "-subj",
                    "/CN=root/C=LU/L=Luxembourg/ST=Luxembourg/O=AWS/OU=Demo");
            String code = ok(aws.run(url, "iot", "get-registration-code")).get("registrationCode").asText();
            openssl("req", "-new", "-key", "root.ca.key", "-out", "verification.csr", "-subj", "/CN=" + code);
            openssl("x509", "-req", "-in", "verification.csr", "-CA", "root.ca.pem", "-CAkey", "root.ca.key",
                    "-CAcreateserial", "-out", "verification.pem", "-days", "500", "-sha256");
            Files.writeString(work.resolve("registration-config.json"), JSON.createObjectNode()
                    .put("templateBody", TEMPLATE)
                    .put("roleArn", "arn:aws:iam::" + endpoints.accountId() + ":role/IoTProvisioning").toString());

            JsonNode registered = ok(aws.run(url, "iot", "register-ca-certificate",
                    "--ca-certificate", "file://" + work.resolve("root.ca.pem"),
                    "--verification-cert", "file://" + work.resolve("verification.pem"),
                    "--set-as-active", "--allow-auto-registration",
                    "--registration-config", "file://" + work.resolve("registration-config.json")));
            String id = CertificateIds.of(Pem.readCertificate(work.resolve("root.ca.pem")));
            assertEquals(id, registered.get("certificateId").asText());
            assertEquals("arn:aws:iot:eu-west-1:123456789012:cacert/" + id, registered.get("certificateArn").asText());

            JsonNode listed = ok(aws.run(url, "iot", "list-ca-certificates"));
            assertEquals(id, listed.get("certificates").get(0).get("certificateId").asText());
            assertEquals("ACTIVE", listed.get("certificates").get(0).get("status").asText());

            JsonNode endpoint = ok(aws.run(url, "iot", "describe-endpoint", "--endpoint-type", "iot:Data-ATS"));
            assertEquals("localhost", endpoint.get("endpointAddress").asText());

            AwsCli.Result again = aws.run(url, "iot", "register-ca-certificate",
                    "--ca-certificate", "file://" + work.resolve("root.ca.pem"),
                    "--verification-cert", "file://" + work.resolve("verification.pem"));
            assertEquals(254, again.exitCode(), again.toString());
            assertTrue(again.stderr().contains("ResourceAlreadyExistsException"), again.toString());

            try (IotClient iot = standIn.iot()) {
                DescribeCaCertificateResponse described = iot.describeCACertificate(r -> r.certificateId(id));
                assertEquals(CACertificateStatus.ACTIVE, described.certificateDescription().status());
                assertEquals(AutoRegistrationStatus.ENABLE, described.certificateDescription()
                        .autoRegistrationStatus());
                assertEquals(TEMPLATE, described.registrationConfig().templateBody());
            }
        }
    }

    @Test
    void patchCallsEncodedArnsAndAWrongSecretFromTheCli() throws Exception {
        try (StandIn standIn = StandIn.start(work.resolve("state"))) {
            var endpoints = standIn.endpoints();
            AwsCli aws = AwsCli.requireInstalled(Files.createDirectories(work.resolve("home")), endpoints.region(),
                    endpoints.accessKeyId(), endpoints.secretAccessKey());
            String url = endpoints.controlPlaneUrl().toString();
            ok(aws.run(url, "iot", "create-thing", "--thing-name", "cli-thing"));
            ok(aws.run(url, "iot", "update-thing", "--thing-name", "cli-thing", "--attribute-payload",
                    "{\"attributes\":{\"site\":\"lab\"}}"));
            String arn = ok(aws.run(url, "iot", "create-keys-and-certificate", "--set-as-active"))
                    .get("certificateArn").asText();
            ok(aws.run(url, "iot", "create-policy", "--policy-name", "IoTAccess", "--policy-document",
                    "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}"));
            ok(aws.run(url, "iot", "attach-policy", "--policy-name", "IoTAccess", "--target", arn));
            JsonNode attached = ok(aws.run(url, "iot", "list-attached-policies", "--target", arn));
            assertEquals("IoTAccess", attached.get("policies").get(0).get("policyName").asText());
            try (IotClient iot = standIn.iot()) {
                assertEquals("lab", iot.describeThing(r -> r.thingName("cli-thing")).attributes().get("site"));
            }

            AwsCli misconfigured = AwsCli.requireInstalled(Files.createDirectories(work.resolve("other-home")),
                    endpoints.region(), endpoints.accessKeyId(), "wrong-secret");
            AwsCli.Result refused = misconfigured.run(url, "iot", "list-things");
            assertEquals(254, refused.exitCode(), refused.toString());
            assertTrue(refused.stderr().contains("InvalidSignatureException"), refused.toString());
        }
    }
}
