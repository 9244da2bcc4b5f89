package io.jitp.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.EmulatorServer;
import io.jitp.emulator.faults.FaultKind;
import io.jitp.emulator.faults.FaultPlan;
import io.jitp.emulator.testing.StandIn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front door's request size limit (413 in the protocol's error shape, before the body is read) and the faults
 * it injects on purpose, seen on the wire.
 */
class FrontDoorLimitsAndFaultsTest {
    private static final int LIMIT = 4096;
    private static final FaultPlan FAULTS = FaultPlan.parse("fault=throttling,every=1,operation=GET /things;"
            + "fault=internal-failure,every=1,operation=GET /cacertificates;"
            + "fault=service-unavailable,every=1,operation=ListStacks;"
            + "fault=throttling,every=1,operation=DescribeStacks;"
            + "fault=drop,every=1,operation=GET /registrationcode");

    @TempDir
    static Path stateDir;

    private static EmulatorServer server;
    private static URI url;

    @BeforeAll
    static void start() throws Exception {
        server = new EmulatorServer(StandIn.config(stateDir).toBuilder().maxRequestBytes(LIMIT).faults(FAULTS)
                .build());
        url = server.start().controlPlaneUrl();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void declaredOversizedBodyGets413BeforeItIsSent() throws Exception {
        // Only the headers go out: the answer can only come from the declared length, not from reading a body.
        String head = raw("POST /things/big HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000000000\r\n\r\n");

        assertTrue(head.startsWith("HTTP/1.1 413"), head);
        assertTrue(head.toLowerCase().contains("x-amzn-errortype: requestentitytoolargeexception"), head);
        assertTrue(head.contains("limit of " + LIMIT + " bytes"), head);
    }

    @Test
    void oversizedQueryFormGetsTheXmlShape() throws Exception {
        String head = raw("POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 5000\r\n\r\n");

        assertTrue(head.startsWith("HTTP/1.1 413"), head);
        assertTrue(head.contains("<Code>RequestEntityTooLarge</Code>"), head);
    }

    @Test
    void chunkedBodyOverTheLimitIsCutOffAt413() throws Exception {
        byte[] body = new byte[LIMIT * 4];
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/things/x"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode(), response.body());
    }

    @Test
    void bodyWithinTheLimitIsServed() throws Exception {
        String head = raw("POST /things/small HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");

        assertTrue(head.startsWith("HTTP/1.1 403"), "read and judged by its (missing) signature: " + head);
    }

    @Test
    void injectedErrorsTakeEachProtocolsShape() throws Exception {
        assertTrue(raw(get("/things")).matches("(?is)HTTP/1.1 429.*x-amzn-errortype: ThrottlingException.*"),
                "REST throttling");
        assertTrue(raw(get("/cacertificates")).matches("(?is)HTTP/1.1 500.*InternalFailureException.*"), "REST 500");
        assertTrue(raw(form("ListStacks")).matches("(?is)HTTP/1.1 503.*<Code>ServiceUnavailable</Code>.*"),
                "query 503");
        assertTrue(raw(form("DescribeStacks")).matches("(?is)HTTP/1.1 400.*<Type>Sender</Type>"
                + "<Code>Throttling</Code>.*"), "query throttling");
    }

    @Test
    void droppedConnectionClosesWithoutAnyAnswer() throws Exception {
        long before = FAULTS.injected(FaultKind.DROP);

        assertEquals("", raw(get("/registrationcode")));
        assertEquals(before + 1, FAULTS.injected(FaultKind.DROP));
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    }

    private static String form(String action) {
        String body = "Action=" + action + "&Version=2010-05-15";
        return "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body;
    }

    /** Sends raw bytes, returns everything the server answered until it closed (or the first answer if it keeps on). */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                if (answer.indexOf("</ErrorResponse>") >= 0 || answer.indexOf("\"}") >= 0) {
                    break;
                }
            }
            return answer.toString();
        }
    }
}
