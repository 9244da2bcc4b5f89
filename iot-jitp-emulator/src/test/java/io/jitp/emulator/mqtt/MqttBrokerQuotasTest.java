package io.jitp.emulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jitp.core.pki.CertificateAuthority;
import java.nio.file.Path;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in AWS quotas: 1 CONNECT/s per client id, 100 publishes/s per connection, 50 subscriptions. */
class MqttBrokerQuotasTest {

    private static final int CONNECTION_RATE_EXCEEDED = 0x9F;
    private static final int SUBACK_FAILURE = 0x80;
    private static final String ALLOW_ALL = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}";

    @TempDir
    static Path state;
    private static BrokerTestbed testbed;
    private static CertificateAuthority ca;

    @BeforeAll
    static void startBroker() throws Exception {
        testbed = new BrokerTestbed(state, MqttBrokerSettings.loopback(state, "localhost").withQuotasMode(true));
        ca = BrokerTestbed.newCa("root");
        testbed.register(ca, true, false, null);
    }

    @AfterAll
    static void stopBroker() {
        testbed.close();
    }

    @Test
    void aSecondConnectWithinTheSameSecondIsRefused() throws Exception {
        TestDevice device = testbed.activeDevice(ca, "fast", "All", ALLOW_ALL);
        // On a loaded machine two connects in a row can take more than a second, and then the second is rightly
        // let in: such a pair proves nothing, so it is tried again. A pair that let both in within a second fails.
        for (int attempt = 1; attempt <= 5; attempt++) {
            try (PahoClients clients = testbed.clients()) {
                long start = System.nanoTime();
                clients.connect(device);
                try {
                    clients.connect(device);
                } catch (MqttException refused) {
                    assertEquals(CONNECTION_RATE_EXCEEDED, refused.getReasonCode());
                    return;
                }
                long pairMillis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(pairMillis >= 1000, "a second CONNECT " + pairMillis + " ms after the first was let in");
            }
            Thread.sleep(1000);
        }
        fail("every pair of connects took more than a second, so the quota could not be observed; the machine is"
                + " too loaded for this test");
    }

    @Test
    void publishesBeyondOneHundredPerSecondAreDroppedAndCounted() throws Exception {
        TestDevice device = testbed.activeDevice(ca, "chatty", "All", ALLOW_ALL);
        try (PahoClients clients = testbed.clients()) {
            PahoClients.Client client = clients.connect(device);
            for (int i = 0; i < 1000; i++) {
                InflightRetry.run(() -> client.mqtt.publish("chatty", new MqttMessage(new byte[] {1})));
            }
            client.mqtt.disconnect();
        }
        assertTrue(testbed.broker.droppedPublishes() > 0, "1,000 publishes in a burst exceed 100 per second");
        assertTrue(testbed.published.size() < 1000);
    }

    @Test
    void theFiftyFirstSubscriptionIsRefused() throws Exception {
        TestDevice device = testbed.activeDevice(ca, "subscriber", "All", ALLOW_ALL);
        try (PahoClients clients = testbed.clients()) {
            PahoClients.Client client = clients.connect(device);
            for (int batch = 0; batch < 50; batch += 5) {
                MqttSubscription[] five = new MqttSubscription[5];
                for (int i = 0; i < 5; i++) {
                    five[i] = new MqttSubscription("s/" + (batch + i), 0);
                }
                client.mqtt.subscribe(five, null);
            }
            int[] codes = client.mqtt.subscribe(new MqttSubscription[] {new MqttSubscription("s/50", 0),
                    new MqttSubscription("s/0", 0)}, null).getReasonCodes();
            assertEquals(SUBACK_FAILURE, codes[0]);
            assertEquals(0, codes[1], "re-subscribing an existing filter is no new subscription");
        }
    }
}
