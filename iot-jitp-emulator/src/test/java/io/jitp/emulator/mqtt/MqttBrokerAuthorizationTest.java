package io.jitp.emulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.emulator.iot.CertificateStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PUBLISH, SUBSCRIBE and delivery rules of AWS IoT, checked with a Paho MQTT 5 client. */
class MqttBrokerAuthorizationTest {

    private static final int SUBACK_NOT_AUTHORIZED = 0x87;
    /**
     * Publish on own topic and {@code shared/…}; subscribe to {@code shared/…}, {@code sensor/#}, {@code f?} and, as
     * group {@code workers}, {@code $share/workers/shared/…}; receive all but {@code shared/secret}.
     */
    private static final String POLICY = """
            {"Statement":[
             {"Effect":"Allow","Action":"iot:Connect","Resource":"*"},
             {"Effect":"Allow","Action":["iot:Publish","iot:RetainPublish"],
              "Resource":["arn:aws:iot:*:*:topic/${iot:ClientId}","arn:aws:iot:*:*:topic/shared/*","arn:aws:iot:*:*:topic/sensor"]},
             {"Effect":"Allow","Action":"iot:Subscribe","Resource":["arn:aws:iot:*:*:topicfilter/shared/*",
              "arn:aws:iot:*:*:topicfilter/sensor/#","arn:aws:iot:*:*:topicfilter/f?",
              "arn:aws:iot:*:*:topicfilter/$share/workers/shared/*"]},
             {"Effect":"Allow","Action":"iot:Receive","Resource":"*"},
             {"Effect":"Deny","Action":"iot:Receive","Resource":"arn:aws:iot:*:*:topic/shared/secret"}]}""";

    @TempDir
    static Path state;
    private static BrokerTestbed testbed;
    private static CertificateAuthority ca;
    private static int devices;
    private PahoClients clients;

    @BeforeAll
    static void startBroker() throws Exception {
        testbed = BrokerTestbed.start(state);
        ca = BrokerTestbed.newCa("root");
        testbed.register(ca, true, false, null);
    }

    @AfterAll
    static void stopBroker() {
        testbed.close();
    }

    @BeforeEach
    void openClients() {
        clients = testbed.clients();
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    private static TestDevice device() {
        return testbed.activeDevice(ca, "dev-" + ++devices, "Devices", POLICY);
    }

    private static MqttMessage message(String text, int qos, boolean retained) {
        MqttMessage message = new MqttMessage(text.getBytes(StandardCharsets.UTF_8));
        message.setQos(qos);
        message.setRetained(retained);
        return message;
    }

    private static void awaitDisconnect(PahoClients.Client client) throws InterruptedException {
        assertNotNull(client.disconnects.poll(10, TimeUnit.SECONDS), "the broker closed the connection");
        assertFalse(client.mqtt.isConnected());
    }

    @Test
    void publishingOnAForeignTopicClosesTheConnection() throws Exception {
        PahoClients.Client client = clients.connect(device());
        client.mqtt.publish("shared/ok", message("fine", 1, false));
        assertTrue(client.mqtt.isConnected());
        assertTrue(testbed.published.contains("shared/ok"), "accepted publishes reach the rules engine");

        try {
            client.mqtt.publish("someone-else", message("nope", 1, false));
        } catch (MqttException expected) {
            // Paho may report the close on the publish itself.
        }
        awaitDisconnect(client);
        assertFalse(testbed.published.contains("someone-else"));
    }

    @Test
    void aForeignSubscriptionGetsAFailureSubackAndTheConnectionStays() throws Exception {
        PahoClients.Client client = clients.connect(device());
        IMqttToken token = client.mqtt.subscribe(new MqttSubscription[] {
                new MqttSubscription("shared/+", 1), new MqttSubscription("private/#", 1)}, null);
        int[] codes = token.getReasonCodes();
        assertEquals(1, codes[0]);
        assertEquals(SUBACK_NOT_AUTHORIZED, codes[1]);
        assertTrue(client.mqtt.isConnected());
    }

    @Test
    void receiveIsCheckedPerDelivery() throws Exception {
        PahoClients.Client subscriber = clients.connect(device());
        subscriber.mqtt.subscribe("shared/+", 1);
        PahoClients.Client publisher = clients.connect(device());
        publisher.mqtt.publish("shared/secret", message("hidden", 1, false));
        publisher.mqtt.publish("shared/open", message("visible", 1, false));

        assertEquals("visible", new String(subscriber.received.poll(10, TimeUnit.SECONDS).getPayload(),
                StandardCharsets.UTF_8));
        assertEquals("shared/open", subscriber.topics.poll());
        assertNull(subscriber.received.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void hashDoesNotMatchItsParentLevel() throws Exception {
        PahoClients.Client subscriber = clients.connect(device());
        subscriber.mqtt.subscribe("sensor/#", 1);
        PahoClients.Client publisher = clients.connect(device());
        publisher.mqtt.publish("sensor", message("parent", 1, false));
        publisher.mqtt.publish("shared/x", message("elsewhere", 1, false));
        TestDevice own = device();
        PahoClients.Client child = clients.connect(own);
        child.mqtt.publish(own.name(), message("own topic", 1, false));
        assertNull(subscriber.received.poll(500, TimeUnit.MILLISECONDS), "sensor/# does not receive sensor");
    }

    @Test
    void retainedMessagesAreDeliveredToExactFiltersOnly() throws Exception {
        PahoClients.Client publisher = clients.connect(device());
        publisher.mqtt.publish("shared/retained", message("kept", 1, true));

        PahoClients.Client wildcard = clients.connect(device());
        wildcard.mqtt.subscribe("shared/+", 1);
        PahoClients.Client exact = clients.connect(device());
        exact.mqtt.subscribe("shared/retained", 1);

        MqttMessage retained = exact.received.poll(10, TimeUnit.SECONDS);
        assertNotNull(retained);
        assertEquals("kept", new String(retained.getPayload(), StandardCharsets.UTF_8));
        assertNull(wildcard.received.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void qos2IsNotGranted() throws Exception {
        PahoClients.Client client = clients.connect(device());
        IMqttToken token = client.mqtt.subscribe(new MqttSubscription[] {new MqttSubscription("shared/q", 2)}, null);
        assertEquals(1, token.getReasonCodes()[0], "QoS 2 is downgraded to 1");
    }

    @Test
    void theSameClientIdConnectingAgainClosesTheOlderConnection() throws Exception {
        TestDevice device = device();
        PahoClients.Client first = clients.connect(device);
        PahoClients.Client second = clients.connect(device);
        awaitDisconnect(first);
        assertTrue(second.mqtt.isConnected());
    }

    @Test
    void policyChangesApplyImmediately() throws Exception {
        TestDevice device = device();
        PahoClients.Client client = clients.connect(device);
        client.mqtt.publish("shared/a", message("allowed", 1, false));
        testbed.registry.createPolicy("DenyShared" + devices, """
                {"Statement":[{"Effect":"Deny","Action":"iot:Publish","Resource":"arn:aws:iot:*:*:topic/shared/*"}]}""");
        testbed.registry.attachPolicy("DenyShared" + devices, testbed.registry.arn("cert", device.certificateId()));
        try {
            client.mqtt.publish("shared/a", message("now denied", 1, false));
        } catch (MqttException expected) {
            // Paho may report the close on the publish itself.
        }
        awaitDisconnect(client);
    }

    @Test
    void certificatesMadeInactiveWhileConnectedAreDisconnected() throws Exception {
        TestDevice device = device();
        PahoClients.Client client = clients.connect(device);
        testbed.registry.updateCertificateStatus(device.certificateId(), CertificateStatus.INACTIVE);
        awaitDisconnect(client);
    }

    @Test
    void payloadsOver128KbCloseTheConnection() throws Exception {
        TestDevice device = device();
        PahoClients.Client client = clients.connect(device);
        MqttMessage atLimit = new MqttMessage(new byte[DeviceAuthorizer.MAX_PAYLOAD_BYTES]);
        atLimit.setQos(1);
        client.mqtt.publish(device.name(), atLimit);
        assertTrue(client.mqtt.isConnected());
        try {
            client.mqtt.publish(device.name(), new MqttMessage(new byte[DeviceAuthorizer.MAX_PAYLOAD_BYTES + 1]));
        } catch (MqttException expected) {
            // Paho may report the close on the publish itself.
        }
        awaitDisconnect(client);
    }

    @Test
    void moreThanEightFiltersInOneSubscribeCloseTheConnection() throws Exception {
        PahoClients.Client client = clients.connect(device());
        MqttSubscription[] nine = new MqttSubscription[9];
        for (int i = 0; i < nine.length; i++) {
            nine[i] = new MqttSubscription("shared/" + i, 1);
        }
        try {
            client.mqtt.subscribe(nine, null);
        } catch (MqttException expected) {
            // Paho may report the close on the subscribe itself.
        }
        awaitDisconnect(client);
    }

    @Test
    void questionMarkInAPolicyMatchesOneCharacter() throws Exception {
        PahoClients.Client client = clients.connect(device());
        int[] codes = client.mqtt.subscribe(new MqttSubscription[] {new MqttSubscription("f1", 0),
                new MqttSubscription("f12", 0)}, null).getReasonCodes();
        assertArrayEquals(new int[] {0, SUBACK_NOT_AUTHORIZED}, codes);
    }

    @Test
    void sharedSubscribersOfOneGroupGetEachMessageOnceBetweenThem() throws Exception {
        PahoClients.Client first = clients.connect(device());
        PahoClients.Client second = clients.connect(device());
        PahoClients.Client everything = clients.connect(device());
        for (PahoClients.Client worker : new PahoClients.Client[] {first, second}) {
            assertEquals(1, worker.mqtt.subscribe(new MqttSubscription[] {
                    new MqttSubscription("$share/workers/shared/+", 1)}, null).getReasonCodes()[0]);
        }
        everything.mqtt.subscribe("shared/+", 1);
        PahoClients.Client publisher = clients.connect(device());
        int count = 8;
        for (int i = 0; i < count; i++) {
            publisher.mqtt.publish("shared/job", message("job " + i, 1, false));
        }
        publisher.mqtt.publish("shared/secret", message("hidden", 1, false));

        List<String> shared = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MqttMessage received = first.received.poll(100, TimeUnit.MILLISECONDS);
            received = received != null ? received : second.received.poll(10, TimeUnit.SECONDS);
            assertNotNull(received, "message " + i + " of " + count + " reached the group");
            shared.add(new String(received.getPayload(), StandardCharsets.UTF_8));
        }
        assertNull(first.received.poll(300, TimeUnit.MILLISECONDS), "no message twice, no denied topic");
        assertNull(second.received.poll(10, TimeUnit.MILLISECONDS), "no message twice, no denied topic");
        assertEquals(count, shared.stream().distinct().count(), "each message once: " + shared);
        for (int i = 0; i < count; i++) {
            assertNotNull(everything.received.poll(10, TimeUnit.SECONDS), "a plain subscriber gets every message");
        }
    }

    @Test
    void aSharedSubscriptionNeedsSubscribeOnTheWholeShareFilter() throws Exception {
        PahoClients.Client client = clients.connect(device());
        int[] codes = client.mqtt.subscribe(new MqttSubscription[] {
                new MqttSubscription("$share/workers/shared/+", 1),
                new MqttSubscription("$share/others/shared/+", 1),
                new MqttSubscription("$share/workers/private/+", 1)}, null).getReasonCodes();
        // The policy allows topicfilter/shared/* too: a plain grant on the filter does not cover another group.
        assertArrayEquals(new int[] {1, SUBACK_NOT_AUTHORIZED, SUBACK_NOT_AUTHORIZED}, codes);
        assertTrue(client.mqtt.isConnected());
    }
}
