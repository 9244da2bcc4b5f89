package io.jitp.emulator.http;

import static io.jitp.emulator.testing.AwsErrorAssertions.assertAwsErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.testing.SignedHttp;
import io.jitp.emulator.testing.SignedHttp.Signing;
import io.jitp.emulator.testing.StandIn;
import io.jitp.emulator.testing.StandInApiTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;

/** The front door refuses what AWS refuses: missing, foreign, wrong, stale or tampered signatures. */
class FrontDoorSignatureTest extends StandInApiTest {
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";


    private static Signing signing(String service) {
        return new Signing(standIn.endpoints().accessKeyId(), StandIn.SECRET, service, "eu-west-1",
                Clock.systemUTC());
    }

    private static URI url(String pathAndQuery) {
        return URI.create(standIn.endpoints().controlPlaneUrl() + pathAndQuery);
    }

    @Test
    void wrongSecretIsAnInvalidSignature() {
        try (IotClient iot = standIn.iot(standIn.endpoints().accessKeyId(), "not-the-secret")) {
            assertAwsErrorCode("InvalidSignatureException", 403, () -> iot.getRegistrationCode(r -> { }));
        }
    }

    @Test
    void unknownAccessKeyIsAnUnrecognizedClient() {
        try (IotClient iot = standIn.iot("AKIAOTHERKEY00000000", StandIn.SECRET)) {
            assertAwsErrorCode("UnrecognizedClientException", 403, () -> iot.listThings(r -> { }));
        }
    }

    @Test
    void unsignedRequestGetsTheAwsErrorShape() throws Exception {
        HttpResponse<String> response = SignedHttp.send("GET", url("/registrationcode"), Map.of(), "", null);
        assertEquals(403, response.statusCode());
        assertEquals("MissingAuthenticationTokenException",
                response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertTrue(response.body().contains("\"message\""), response.body());
    }

    @Test
    void acceptsExecuteApiAsTheServiceNameLikeTheAwsCli() throws Exception {
        HttpResponse<String> response = SignedHttp.send("GET", url("/registrationcode"), Map.of(), "",
                signing("execute-api"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().matches("\\{\"registrationCode\":\"[0-9a-f]{64}\"}"), response.body());
    }

    @Test
    void refusesStaleSignaturesAndForeignRegions() throws Exception {
        Signing stale = new Signing(standIn.endpoints().accessKeyId(), StandIn.SECRET, "iot", "eu-west-1",
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20)));
        HttpResponse<String> expired = SignedHttp.send("GET", url("/things"), Map.of(), "", stale);
        assertEquals(403, expired.statusCode());
        assertEquals("InvalidSignatureException", expired.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertTrue(expired.body().contains("Signature expired"), expired.body());

        Signing elsewhere = new Signing(standIn.endpoints().accessKeyId(), StandIn.SECRET, "iot", "us-west-2",
                Clock.systemUTC());
        HttpResponse<String> region = SignedHttp.send("GET", url("/things"), Map.of(), "", elsewhere);
        assertEquals(403, region.statusCode());
    }

    @Test
    void percentEncodedPathsAndQueriesVerify() throws Exception {
        String target = "arn%3Aaws%3Aiot%3Aeu-west-1%3A123456789012%3Acert%2Fabc";
        HttpResponse<String> response = SignedHttp.send("POST", url("/attached-policies/" + target
                + "?pageSize=5&recursive=false"), Map.of(), "", signing("iot"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"policies\":[]}", response.body());
    }

    @Test
    void queryProtocolWithoutHandlerIsAnXmlErrorAndWithHandlerReachesIt() throws Exception {
        String form = "Action=DescribeStacks&Version=2010-05-15&StackName=a+b";
        HttpResponse<String> unhandled = SignedHttp.send("POST", url("/"), Map.of("Content-Type", FORM), form,
                signing("cloudformation"));
        assertEquals(400, unhandled.statusCode());
        assertTrue(unhandled.body().contains("<Code>InvalidAction</Code>"), unhandled.body());

        AtomicReference<Map<String, String>> received = new AtomicReference<>();
        standIn.server().setQueryProtocolHandler(fields -> {
            received.set(fields);
            return HttpReply.xml(200, "<DescribeStacksResponse/>");
        });
        try {
            HttpResponse<String> handled = SignedHttp.send("POST", url("/"), Map.of("Content-Type", FORM), form,
                    signing("cloudformation"));
            assertEquals(200, handled.statusCode());
            assertEquals("<DescribeStacksResponse/>", handled.body());
            assertEquals(Map.of("Action", "DescribeStacks", "Version", "2010-05-15", "StackName", "a b"),
                    received.get());

            Signing wrong = new Signing(standIn.endpoints().accessKeyId(), "wrong", "cloudformation", "eu-west-1",
                    Clock.systemUTC());
            HttpResponse<String> refused = SignedHttp.send("POST", url("/"), Map.of("Content-Type", FORM), form,
                    wrong);
            assertEquals(403, refused.statusCode());
            assertTrue(refused.body().contains("<Code>SignatureDoesNotMatch</Code>"), refused.body());
        } finally {
            standIn.server().setQueryProtocolHandler(null);
        }
    }

    @Test
    void unknownRoutesAreNotFound() throws Exception {
        HttpResponse<String> response = SignedHttp.send("GET", url("/no-such-operation"), Map.of(), "",
                signing("iot"));
        assertEquals(404, response.statusCode());
        assertEquals("UnknownOperationException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
    }

    @Test
    void malformedRequestsAreRefusedNotCrashed() throws Exception {
        String date = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
        URI base = standIn.endpoints().controlPlaneUrl();
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            // No HTTP client here sends TRACE with an AWS signature, so the request is written by hand.
            socket.getOutputStream().write(("TRACE /things HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nX-Amz-Date: " + date + "\r\nAuthorization: AWS4-HMAC-SHA256 Credential="
                    + standIn.endpoints().accessKeyId() + "/" + date.substring(0, 8)
                    + "/eu-west-1/iot/aws4_request, SignedHeaders=host;x-amz-date, Signature=00"
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            assertTrue(response.contains("InvalidRequestException"), response);
        }
    }
}
