package io.jitp.core.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Version parsing, refusal messages and the reconnect floor: what users read and rely on. */
class MqttNamesTest {
    @Test
    void versionsAsUsersWriteThem() {
        assertEquals(MqttVersion.V5, MqttVersion.parse("5"));
        assertEquals(MqttVersion.V5, MqttVersion.parse("v5.0"));
        assertEquals(MqttVersion.V3_1_1, MqttVersion.parse("3.1.1"));
        assertEquals(MqttVersion.V3_1_1, MqttVersion.parse("311"));
        assertTrue(assertThrows(InvalidInputException.class, () -> MqttVersion.parse("3.1")).getMessage()
                .contains("use 5 or 3.1.1"));
    }

    @Test
    void refusalsNameTheReasonCode() {
        assertEquals("CONNECT as d refused: reason code 0x87 (not authorized)",
                new MqttRefusedException("CONNECT as d", 0x87, null, null).getMessage());
        assertEquals("CONNECT as d refused: reason code 0x05 (not authorized)",
                new MqttRefusedException("CONNECT as d", 5, null, null).getMessage());
        assertEquals("PUBLISH to x refused: connection closed without an answer",
                new MqttRefusedException("PUBLISH to x", MqttRefusedException.NO_REASON_CODE, null, null)
                        .getMessage());
        assertTrue(new MqttRefusedException("CONNECT as d", 0x9F, null, null).isRateLimited());
    }

    @Test
    void reconnectsNeverComeFasterThanAwsAllows() {
        JitpConnector connector = new JitpConnector(3, Duration.ZERO, Duration.ZERO);
        assertEquals(JitpConnector.MIN_DELAY, connector.firstDelay());
        assertEquals(JitpConnector.MIN_DELAY, connector.maxDelay());
        assertThrows(IllegalArgumentException.class, () -> new JitpConnector(0, Duration.ZERO, Duration.ZERO));
    }
}
