package io.jitp.core.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jitp.core.Reporter;
import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The broker is killed in the middle of a load test and started again on the same port: every device reconnects
 * (with backoff), the run goes on, and the report's counts add up — what publishers sent is what subscribers
 * received plus what the report calls lost. Against the Debian mosquitto broker (skipped with a notice if absent),
 * with each MQTT client library.
 */
class LoadTestRestartTest {
    private static final int PUBLISHERS = 4;
    private static final int SUBSCRIBERS = 2;

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(MqttClientLibrary.class)
    void devicesReconnectAfterABrokerRestartAndTheReportCountsWhatWasLost(MqttClientLibrary client) throws Exception {
        assumeTrue(MosquittoBroker.installed(), "mosquitto is not installed (apt-get install mosquitto): the broker"
                + " restart test is skipped");
        CertificateAuthority ca = new CaStore(work.resolve("ca"), "restart").createOrReuse(
                SubjectProfile.ofCommonName("restart-root"), KeyAlgorithm.EC_P256, 2, null, false,
                Reporter.silent()).ca();
        // QoS 1, 10 msg/s per publisher: every publisher is due to send while it is disconnected.
        LoadTestPlan plan = new LoadTestPlan(PUBLISHERS, SUBSCRIBERS, 10, 100, 1, 6, 0, MqttProtocol.V5,
                Shard.WHOLE, false);
        LoadTestDevices.ensure(ca, work.resolve("devices"), plan, SubjectProfile.empty(), Reporter.silent());
        List<String> console = new CopyOnWriteArrayList<>();
        CountDownLatch measuring = new CountDownLatch(1);
        Reporter reporter = new Reporter() {
            @Override
            public void info(String message) {
                console.add(message);
                if (message.startsWith("Connected")) {
                    measuring.countDown();
                }
            }

            @Override
            public void warn(String message) {
                console.add(message);
            }
        };
        RunData data;
        try (MosquittoBroker broker = MosquittoBroker.start(work.resolve("broker"), ca)) {
            CompletableFuture<RunData> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return new LoadTestEngine(plan, broker.address(), work.resolve("devices"), work.resolve("out"),
                            reporter).client(client).run();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertTrue(measuring.await(60, TimeUnit.SECONDS), "every device connected: " + console);
            Thread.sleep(1_500);
            broker.kill();
            Thread.sleep(300);
            broker.restart();
            data = run.get(2, TimeUnit.MINUTES);
        }
        int devices = PUBLISHERS + SUBSCRIBERS;
        assertTrue(data.total(Counter.DISCONNECTS) >= devices, "every device saw the broker go: " + console);
        assertTrue(data.total(Counter.RECONNECTS) >= devices, "every device came back: " + console);
        assertEquals(List.of(), data.failedDevices());
        assertTrue(data.total(Counter.MISSED) > 0, "publishers due while disconnected count what they could not send");
        // The publishers' schedules went on (the HiveMQ client shut its event loop down with the last connection,
        // and they moved): they published again once reconnected, up to the end of the window.
        long[] published = data.series(Counter.PUBLISHED);
        assertTrue(published[(int) (data.steadyEndSecond() - data.startSecond()) - 1] > 0,
                "publishers still sent in the last second of the window: " + java.util.Arrays.toString(published));
        assertTrue(console.stream().anyMatch(line -> line.startsWith("Connected") && line.contains("TLS by ")),
                "the run names its TLS engine: " + console);
        assertTrue(console.stream().anyMatch(line -> line.contains("lost its connection")), console.toString());

        // Two independent counts agree: what publishers sent, against the subscribers' per-second deliveries
        // (duplicates aside) plus what the report calls lost.
        LoadTestSummary summary = LoadTestSummary.of(data, Map.of());
        summary.describe().forEach(System.out::println);
        long sent = 0;
        long firstSeqs = 0;
        for (PublisherAccount account : data.publishers()) {
            assertEquals(SUBSCRIBERS, account.seenBy(), "both subscribers received pub" + account.number());
            sent += account.sent();
            firstSeqs += account.firstSeqSum();
        }
        long received = data.total(Counter.DELIVERED) - data.duplicates();
        assertEquals(sent * SUBSCRIBERS - firstSeqs, received + summary.loss().lostDeliveries(),
                "sent = received + lost, per subscriber from its first message");
        assertTrue(summary.describe().stream().anyMatch(line -> line.contains("disconnects " + data.total(
                Counter.DISCONNECTS))), summary.describe().toString());
    }
}
