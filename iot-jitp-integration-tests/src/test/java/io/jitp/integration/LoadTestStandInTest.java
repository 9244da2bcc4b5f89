package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.Reporter;
import io.jitp.core.aws.AwsClients;
import io.jitp.core.aws.AwsConnection;
import io.jitp.core.aws.AwsConnections;
import io.jitp.core.emulator.StandInEndpoints;
import io.jitp.core.loadtest.Counter;
import io.jitp.core.loadtest.LoadTestDevices;
import io.jitp.core.loadtest.LoadTestEngine;
import io.jitp.core.loadtest.LoadTestOutcome;
import io.jitp.core.loadtest.LoadTestPlan;
import io.jitp.core.loadtest.LoadTestReports;
import io.jitp.core.loadtest.LoadTestSetup;
import io.jitp.core.loadtest.LoadTestSummary;
import io.jitp.core.loadtest.MqttProtocol;
import io.jitp.core.loadtest.PublisherAccount;
import io.jitp.core.loadtest.RunData;
import io.jitp.core.loadtest.Shard;
import io.jitp.core.loadtest.Thresholds;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;
import io.jitp.core.stacks.StackDeployer;
import io.jitp.core.stacks.StackTemplate;
import io.jitp.emulator.EmulatorConfig;
import io.jitp.emulator.EmulatorServer;
import io.jitp.emulator.QuotasMode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The load test against a whole in-process stand-in (AWS quotas on): the bundled loadtest-policy stack deployed, the
 * CA registered for JITP with the load-test template, 20 publishers and 2 subscribers provisioned on their first
 * connection; then the same test as three concurrent shards, merged; then a run through a restart of the stand-in.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadTestStandInTest {
    private static final int PUBLISHERS = 20;
    private static final int SUBSCRIBERS = 2;
    private static final int SECONDS = 5;
    /** The run's rate over whole seconds, against a stand-in sharing the machine's cores: a generous band. */
    private static final double RATE_TOLERANCE = 0.15;

    @TempDir
    static Path state;
    @TempDir
    static Path work;
    static EmulatorServer server;
    static AwsConnection connection;
    static AwsClients clients;
    static CertificateAuthority ca;
    static LoadTestSummary single;

    @BeforeAll
    static void start() throws Exception {
        // AWS's quotas enforced (one CONNECT per second per client id included): the plan stays within them.
        server = EmulatorServer.withDefaultComponents(EmulatorConfig.builder(state).quotasMode(QuotasMode.AWS)
                .build());
        server.start();
        connection = AwsConnections.local(StandInEndpoints.read(state).orElseThrow());
        clients = new AwsClients(connection);
        new StackDeployer(clients.cloudFormation(), Reporter.silent(), Duration.ofMillis(50))
                .deploy("loadtest", StackTemplate.bundled(StackTemplate.LOADTEST_POLICY), Map.of(), List.of());
        ca = CertificateAuthority.create(SubjectProfile.ofCommonName("loadtest-root"), KeyAlgorithm.EC_P256, 30);
        LoadTestSetup.prepare(clients.iot(), ca, "arn:aws:iam::" + connection.accountId() + ":role/IoTProvisioning",
                SubjectProfile.empty(), Reporter.silent());
    }

    @AfterAll
    static void stop() {
        clients.close();
        server.close();
    }

    private static LoadTestPlan plan(Shard shard) {
        return new LoadTestPlan(PUBLISHERS, SUBSCRIBERS, 1, 128, 1, SECONDS, 0, MqttProtocol.V5, shard, true);
    }

    private static RunData run(LoadTestPlan plan, Path output) throws Exception {
        LoadTestDevices.ensure(ca, work.resolve("devices"), plan, SubjectProfile.empty(), Reporter.silent());
        return new LoadTestEngine(plan, LoadTestSetup.broker(connection), work.resolve("devices"), output,
                Reporter.silent()).run();
    }

    private static void assertMatchesFormulaWithoutLoss(LoadTestSummary summary) {
        assertEquals(PUBLISHERS * (1 + 2 * SUBSCRIBERS), summary.expectedPerSecond(), 1e-9);
        assertEquals(1.0, summary.achievedRatio(), RATE_TOLERANCE, summary.describe().toString());
        assertEquals(PUBLISHERS * (1 + SUBSCRIBERS), summary.achievedInboundPerSecond(),
                PUBLISHERS * (1 + SUBSCRIBERS) * RATE_TOLERANCE);
        assertEquals(PUBLISHERS * SUBSCRIBERS, summary.achievedOutboundPerSecond(),
                PUBLISHERS * SUBSCRIBERS * RATE_TOLERANCE);
        assertTrue(summary.loss().expected() >= (long) PUBLISHERS * SUBSCRIBERS * SECONDS * 2, summary.loss()
                .toString());
        assertEquals(0, summary.loss().lost(), "QoS 1 on loopback loses nothing: " + summary.loss());
        assertEquals(0, summary.totals().get("echoes"), "no subscriber ever received a forward");
        assertEquals(0, summary.totals().get("errors"));
        assertEquals(summary.totals().get("forwarded"), summary.totals().get("delivered"));
        assertEquals(summary.totals().get("forwarded"), summary.totals().get("collected"));
        assertTrue(summary.failedDevices().isEmpty());
    }

    @Test
    @Order(1)
    void oneRunProvisionsByJitpAndMatchesTheFormulaWithoutLossOrEchoes() throws Exception {
        Path output = work.resolve("single");
        RunData data = run(plan(Shard.WHOLE), output);
        LoadTestOutcome outcome = LoadTestReports.write(output, data, new Thresholds(0.8, 0, 0));
        single = outcome.summary();
        assertMatchesFormulaWithoutLoss(single);
        int devices = PUBLISHERS + SUBSCRIBERS + 1;
        assertEquals(devices, single.totals().get("jitpDrops"), "each device's first connection provisions it");
        assertEquals(devices, single.totals().get("connects"));
        assertTrue(single.latencies().get("delivery").count() > 0);
        assertTrue(single.latencies().get("forward").p50Millis() >= single.latencies().get("delivery").p50Millis());
        assertEquals(devices, single.latencies().get("connack").count());
        assertTrue(outcome.passed(), outcome.failures().toString());
        assertTrue(Files.readString(outcome.html()).contains("<svg"));
        assertTrue(clients.iot().describeThing(r -> r.thingName("pub0")).thingName().equals("pub0"),
                "JITP created the thing");
    }

    @Test
    @Order(2)
    void threeConcurrentShardsMergeIntoTheTotalsOfOneRun() throws Exception {
        List<Path> outputs = new ArrayList<>();
        ExecutorService shards = Executors.newFixedThreadPool(3);
        try {
            List<Future<RunData>> runs = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                Path output = work.resolve("shard-" + k);
                outputs.add(output);
                LoadTestPlan plan = plan(new Shard(k, 3));
                // Issue every shard's devices first: the shards share one devices folder and its manifest.
                LoadTestDevices.ensure(ca, work.resolve("devices"), plan, SubjectProfile.empty(), Reporter.silent());
                runs.add(shards.submit(() -> {
                    RunData data = run(plan, output);
                    LoadTestReports.write(output, data, Thresholds.NONE);
                    return data;
                }));
            }
            for (Future<RunData> run : runs) {
                run.get();
            }
        } finally {
            shards.shutdownNow();
        }
        LoadTestOutcome merged = LoadTestReports.merge(outputs, work.resolve("merged"), new Thresholds(0.8, 0, 0));
        LoadTestSummary summary = merged.summary();
        assertEquals(List.of("0/3", "1/3", "2/3"), summary.shards());
        assertMatchesFormulaWithoutLoss(summary);
        assertEquals(single.expectedPerSecond(), summary.expectedPerSecond(), 1e-9);
        assertEquals(0, summary.totals().get("jitpDrops"), "devices provisioned by the first run are reused");
        RunData data = LoadTestReports.readData(merged.json());
        assertEquals(PUBLISHERS, data.publishers().size());
        for (PublisherAccount account : data.publishers()) {
            assertEquals(SUBSCRIBERS, account.seenBy(), "both subscribers, in other shards too, got pub"
                    + account.number());
            assertTrue(account.sent() >= SECONDS);
        }
        long sumOfShards = 0;
        for (Path output : outputs) {
            sumOfShards += LoadTestReports.readData(output.resolve(LoadTestReports.JSON)).total(
                    Counter.DELIVERED);
        }
        assertEquals(sumOfShards, data.total(Counter.DELIVERED));
        assertEquals(summary.latencies().get("delivery").count(), summary.totals().get("delivered"),
                "merged histograms hold every shard's values");
        assertFalse(new Thresholds(0, 0.001, -1).failures(summary).isEmpty(), "a p99 limit of 1 µs fails");
    }

    @Test
    @Order(3)
    void aStandInRestartedMidRunIsSurvivedAndTheReportCountsWhatWasLost() throws Exception {
        // 10 msg/s per publisher at QoS 1 (within AWS's quotas): every publisher is due to send while it is cut off.
        // 15 s: the stand-in takes seconds to stop and start, then the devices' backoff (1.1 s and up) brings them back.
        int publishers = 4;
        LoadTestPlan plan = new LoadTestPlan(publishers, 1, 10, 128, 1, 15, 0, MqttProtocol.V5, Shard.WHOLE, false);
        LoadTestDevices.ensure(ca, work.resolve("devices"), plan, SubjectProfile.empty(), Reporter.silent());
        RecordingReporter reporter = new RecordingReporter();
        CompletableFuture<RunData> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new LoadTestEngine(plan, LoadTestSetup.broker(connection), work.resolve("devices"),
                        work.resolve("restart"), reporter).run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (reporter.lines.stream().noneMatch(line -> line.startsWith("Connected"))) {
            assertTrue(System.nanoTime() < deadline && !run.isDone(), "every device connected: " + reporter.lines);
            Thread.sleep(50);
        }
        Thread.sleep(1_500);
        restartStandIn();
        RunData data = run.get(2, TimeUnit.MINUTES);

        int devices = publishers + 1;
        assertTrue(data.total(Counter.DISCONNECTS) >= devices, "every device saw the stand-in go: " + reporter.lines);
        assertTrue(data.total(Counter.RECONNECTS) >= devices, "every device came back: " + reporter.lines);
        assertEquals(List.of(), data.failedDevices());
        assertTrue(data.total(Counter.MISSED) > 0, "publishers due while disconnected count what they could not send");
        LoadTestSummary summary = LoadTestSummary.of(data, Map.of());
        long sent = 0;
        long firstSeqs = 0;
        for (PublisherAccount account : data.publishers()) {
            sent += account.sent();
            firstSeqs += account.firstSeqSum();
        }
        assertEquals(sent - firstSeqs, data.total(Counter.DELIVERED) - data.duplicates()
                + summary.loss().lostDeliveries(), "sent = received + lost, from the subscriber's first message");
    }

    /** Stops the stand-in and starts it again on the same ports and state directory, as a restarted process. */
    private static void restartStandIn() throws IOException {
        StandInEndpoints endpoints = StandInEndpoints.read(state).orElseThrow();
        server.close();
        server = DeviceStandIn.startedOnTheSamePorts(server.config(), endpoints);
    }
}
