package io.jitp.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;
import io.jitp.core.emulator.StandInEndpoints;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/** Target names, the first log line, the bundled Amazon roots and the stand-in's endpoints file. */
class TargetSelectionTest {
    @TempDir
    Path state;

    @Test
    void parsesTargetsInAnyCase() {
        assertEquals(Target.AWS, Target.parse(" AWS ", "iot.target"));
        assertEquals(Target.LOCAL, Target.parse("local", "iot.target"));
        InvalidInputException wrong = assertThrows(InvalidInputException.class,
                () -> Target.parse("prod", "iot.target"));
        assertEquals("iot.target is 'prod'; use local (the stand-in, the default) or aws (a real account), e.g."
                + " -Diot.target=aws", wrong.getMessage());
    }

    @Test
    void describesTheTargetWithoutTheCredentials() {
        AwsConnection local = new AwsConnection(Target.LOCAL, "us-east-1", "123456789012",
                AwsConnections.staticCredentials("AKIA", "very-secret"), URI.create("http://127.0.0.1:1"),
                URI.create("http://127.0.0.1:1"), null, "localhost", 2, List.of());
        assertEquals("Target: local stand-in at http://127.0.0.1:1, region us-east-1, account 123456789012,"
                + " MQTT localhost:2", local.describe());
        AwsConnection aws = new AwsConnection(Target.AWS, "eu-west-1", "210987654321", local.credentials(), null,
                null, null, "abc-ats.iot.eu-west-1.amazonaws.com", 8883, List.of());
        assertEquals("Target: AWS, region eu-west-1, account 210987654321, MQTT"
                + " abc-ats.iot.eu-west-1.amazonaws.com:8883", aws.toString());
        assertFalse(aws.toString().contains("very-secret"));
    }

    @Test
    void bundlesAmazonRootCaOneToFour() {
        List<String> subjects = AwsConnections.amazonRootCas().stream()
                .map(X509Certificate::getSubjectX500Principal).map(Object::toString).toList();
        assertEquals(List.of("CN=Amazon Root CA 1, O=Amazon, C=US", "CN=Amazon Root CA 2, O=Amazon, C=US",
                "CN=Amazon Root CA 3, O=Amazon, C=US", "CN=Amazon Root CA 4, O=Amazon, C=US"), subjects);
    }

    @Test
    void readsTheEndpointsFileOrSaysWhatIsWrongWithIt() throws Exception {
        assertTrue(StandInEndpoints.read(state).isEmpty());
        Files.writeString(state.resolve(StandInEndpoints.FILE_NAME), """
                {"controlPlaneUrl": "http://127.0.0.1:4", "mqttHost": "localhost", "mqttPort": 5,
                 "rootCaPemPath": "/x/root-ca.pem", "region": "us-east-1", "accountId": "123456789012",
                 "accessKeyId": "AKIA", "secretAccessKey": "s3cr3t", "sqsEndpoint": null, "pid": 42}
                """);
        StandInEndpoints endpoints = StandInEndpoints.read(state).orElseThrow();
        assertEquals(URI.create("http://127.0.0.1:4"), endpoints.controlPlaneUrl());
        assertEquals(42, endpoints.pid());
        assertEquals(null, endpoints.sqsEndpoint());
        assertEquals(-1, endpoints.alpnPort(), "a file without alpnPort (an older stand-in) has no ALPN listener");
        assertFalse(endpoints.toString().contains("s3cr3t"));

        Files.writeString(state.resolve(StandInEndpoints.FILE_NAME), "{");
        InvalidInputException corrupt = assertThrows(InvalidInputException.class, () -> StandInEndpoints.read(state));
        assertTrue(corrupt.getMessage().startsWith(state.resolve(StandInEndpoints.FILE_NAME)
                + " is not a stand-in endpoints file"), corrupt.getMessage());
    }

    @Test
    void theAlpnModeTakesTheTargetsAlpnPort() {
        AwsConnection standIn = new AwsConnection(Target.LOCAL, "us-east-1", "123456789012",
                AwsConnections.staticCredentials("AKIA", "secret"), null, null, null, "localhost", 8883, List.of(),
                41877);
        assertEquals(8883, standIn.mqttPort(false));
        assertEquals(41877, standIn.mqttPort(true), "the stand-in's alpnPort from endpoints.json");
        AwsConnection withoutAlpn = new AwsConnection(Target.LOCAL, "us-east-1", "123456789012",
                standIn.credentials(), null, null, null, "localhost", 8883, List.of());
        assertTrue(assertThrows(IllegalStateException.class, () -> withoutAlpn.mqttPort(true)).getMessage()
                .contains("--alpn-port -1"));
        AwsConnection aws = new AwsConnection(Target.AWS, "eu-west-1", "210987654321", standIn.credentials(), null,
                null, null, "abc-ats.iot.eu-west-1.amazonaws.com", 8883, List.of());
        assertEquals(443, aws.mqttPort(true), "AWS's port 443 with ALPN x-amzn-mqtt-ca");
    }
}
