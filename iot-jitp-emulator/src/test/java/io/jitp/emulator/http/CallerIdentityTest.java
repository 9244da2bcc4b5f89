package io.jitp.emulator.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** STS GetCallerIdentity in front of CloudFormation: how clients targeting AWS learn the stand-in's account. */
class CallerIdentityTest {
    private final CallerIdentity identity = new CallerIdentity("210987654321", "AKIAIOTJITPSTANDIN00");

    private static String body(HttpReply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    @Test
    void answersGetCallerIdentityWithTheAccount() {
        HttpReply reply = identity.wrapping(null).handle(Map.of("Action", "GetCallerIdentity",
                "Version", "2011-06-15"));
        assertEquals(200, reply.status());
        assertTrue(body(reply).contains("<Account>210987654321</Account>"), body(reply));
        assertTrue(body(reply).contains("<Arn>arn:aws:iam::210987654321:user/iot-jitp-stand-in</Arn>"), body(reply));
    }

    @Test
    void passesEveryOtherActionOnOrRefusesItWithoutAHandler() {
        HttpReply delegated = identity.wrapping(form -> HttpReply.xml(200, "<" + form.get("Action") + "/>"))
                .handle(Map.of("Action", "DescribeStacks"));
        assertEquals("<DescribeStacks/>", body(delegated));
        HttpReply refused = identity.wrapping(null).handle(Map.of("Action", "DescribeStacks"));
        assertEquals(400, refused.status());
        assertTrue(body(refused).contains("InvalidAction"), body(refused));
    }
}
