package io.jitp.core.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jitp.core.Reporter;
import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@link NettyMqttLink} against the Debian mosquitto broker with TLS and client certificates (skipped with a notice
 * if absent): round trips at QoS 0 and 1 over MQTT 5 and 3.1.1, a refused CONNECT's code, the loss of the broker, and
 * publishes cut off with it. (Mosquitto's ACL file grants every subscription and filters deliveries instead, so a
 * refused SUBSCRIBE is in {@link MqttConnectionTest}.)
 */
class NettyMqttLinkTest {
    private static final long WAIT_SECONDS = 15;

    @TempDir
    static Path shared;
    @TempDir
    Path work;

    private static CertificateAuthority ca;

    @BeforeAll
    static void devices() throws IOException {
        assumeTrue(MosquittoBroker.installed(), "mosquitto is not installed (apt-get install mosquitto): the Netty"
                + " link tests are skipped");
        ca = new CaStore(shared.resolve("ca"), "netty-link").createOrReuse(SubjectProfile.ofCommonName("link-root"),
                KeyAlgorithm.EC_P256, 2, null, false, Reporter.silent()).ca();
        LoadTestPlan plan = new LoadTestPlan(1, 1, 1, 100, 1, 1, 0, MqttProtocol.V5, Shard.WHOLE, false);
        LoadTestDevices.ensure(ca, shared.resolve("devices"), plan, SubjectProfile.empty(), Reporter.silent());
    }

    @ParameterizedTest(name = "MQTT {0}, QoS {1}")
    @CsvSource({"V5, 1", "V5, 0", "V3_1_1, 1", "V3_1_1, 0"})
    void aSubscriberReceivesEveryPublishInOrder(MqttProtocol protocol, int qos) throws Exception {
        int messages = 3 * PublishWindow.LIMIT;
        try (MosquittoBroker broker = MosquittoBroker.start(work, ca, List.of());
             NettyLinks links = new NettyLinks(settings(broker, protocol, qos), 1)) {
            RecordingEvents publisherEvents = new RecordingEvents();
            RecordingEvents subscriberEvents = new RecordingEvents();
            DeviceLink subscriber = links.link("sub0", keys("sub0"), LoadTestTopics.FORWARDS, subscriberEvents);
            DeviceLink publisher = links.link("pub0", keys("pub0"), "loadtest/pub0", publisherEvents);
            List<String> received = new CopyOnWriteArrayList<>();
            CountDownLatch all = new CountDownLatch(messages);
            subscriber.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
            subscriber.subscribe("loadtest/+", payload -> {
                assertTrue(payload.isReadOnly());
                received.add(StandardCharsets.UTF_8.decode(payload).toString());
                all.countDown();
            }).get(WAIT_SECONDS, TimeUnit.SECONDS);
            publisher.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                sent.add("message " + i);
                publisher.publish(sent.get(i).getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(all.await(WAIT_SECONDS, TimeUnit.SECONDS), "received " + received.size() + " of " + messages);
            assertEquals(sent, received);
            publisher.disconnect().get(WAIT_SECONDS, TimeUnit.SECONDS);
            subscriber.disconnect().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(List.of(), publisherEvents.failures);
            assertEquals(0, publisherEvents.losses.get() + subscriberEvents.losses.get(), "our disconnect is no loss");
        }
    }

    @ParameterizedTest(name = "MQTT {0}: code {1}")
    @CsvSource({"V5, 0x87", "V3_1_1, 5"})
    void aRefusedConnectCompletesWithItsCode(MqttProtocol protocol, String code) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(work, ca, List.of("clientid_prefixes sub"));
             NettyLinks links = new NettyLinks(settings(broker, protocol, 1), 1)) {
            RecordingEvents events = new RecordingEvents();
            DeviceLink link = links.link("pub0", keys("pub0"), "loadtest/pub0", events);
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> link.connect().get(WAIT_SECONDS, TimeUnit.SECONDS));
            DeviceLink.ConnectRefusedException refused = assertInstanceOf(DeviceLink.ConnectRefusedException.class,
                    failure.getCause());
            assertEquals(Integer.decode(code), refused.code());
            assertEquals(0, events.losses.get(), "a refused CONNECT is no loss of a connection");
            // The link can try again (the Connector's JITP retry): the same refusal, not "already connecting".
            ExecutionException again = assertThrows(ExecutionException.class,
                    () -> link.connect().get(WAIT_SECONDS, TimeUnit.SECONDS));
            assertInstanceOf(DeviceLink.ConnectRefusedException.class, again.getCause());
        }
    }

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void theBrokerGoingAwayIsReportedAsALoss(MqttProtocol protocol) throws Exception {
        try (MosquittoBroker broker = MosquittoBroker.start(work, ca, List.of());
             NettyLinks links = new NettyLinks(settings(broker, protocol, 1), 1)) {
            RecordingEvents events = new RecordingEvents();
            DeviceLink link = links.link("pub0", keys("pub0"), "loadtest/pub0", events);
            link.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
            broker.close();
            assertTrue(events.lost.await(WAIT_SECONDS, TimeUnit.SECONDS), "lost() reported");
            link.publish(new byte[] {1});
            events.awaitFailures(1, WAIT_SECONDS);
            assertInstanceOf(DeviceLink.ConnectionLostException.class, events.failures.get(0),
                    "a publish while disconnected is cut off, not an error");
            broker.restart();
            link.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
            link.disconnect().get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertEquals(1, events.losses.get());
        }
    }

    @ParameterizedTest
    @EnumSource(MqttProtocol.class)
    void publishesUnacknowledgedWhenTheConnectionGoesAreReportedFailed(MqttProtocol protocol) throws Exception {
        int messages = PublishWindow.LIMIT + 18;
        try (MosquittoBroker broker = MosquittoBroker.start(work, ca, List.of());
             NettyLinks links = new NettyLinks(settings(broker, protocol, 1), 1)) {
            RecordingEvents events = new RecordingEvents();
            DeviceLink link = links.link("pub0", keys("pub0"), "loadtest/pub0", events);
            link.connect().get(WAIT_SECONDS, TimeUnit.SECONDS);
            broker.suspend();
            for (int i = 0; i < messages; i++) {
                link.publish(new byte[] {(byte) i});
            }
            broker.kill();
            assertTrue(events.lost.await(WAIT_SECONDS, TimeUnit.SECONDS), "lost() reported");
            // Those in flight (the window's) and those waiting for room: every one is reported once, as cut off.
            events.awaitFailures(messages, WAIT_SECONDS);
            assertEquals(messages, events.failures.size(), events.failures.toString());
            events.failures.forEach(failure -> assertInstanceOf(DeviceLink.ConnectionLostException.class, failure));
        }
    }

    private static LinkSettings settings(MosquittoBroker broker, MqttProtocol protocol, int qos) {
        return new LinkSettings(broker.address(), broker.address().trustManagers(), protocol, qos);
    }

    private static DeviceKeyManager keys(String id) throws IOException {
        Path devices = shared.resolve("devices");
        return new DeviceKeyManager(Pem.readCertificates(devices.resolve(id + ".crt")),
                Pem.readPrivateKey(devices.resolve(id + ".key"), null));
    }
}
