package io.jitp.maven;

import io.jitp.core.aws.Target;
import io.jitp.core.loadtest.AwsIotQuotas;
import io.jitp.core.loadtest.LoadTestDevices;
import io.jitp.core.loadtest.LoadTestEngine;
import io.jitp.core.loadtest.LoadTestPlan;
import io.jitp.core.loadtest.LoadTestReports;
import io.jitp.core.loadtest.LoadTestSetup;
import io.jitp.core.loadtest.MqttClientLibrary;
import io.jitp.core.loadtest.Thresholds;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.SubjectProfile;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The seed's load test at scale: P publishers send to {@code loadtest/<id>}, S subscribers receive all on
 * {@code loadtest/+} and forward each to {@code loadtest}. The plan is checked against AWS IoT's default quotas first
 * (refused for {@code aws} unless forced); the CA is registered for JITP with a template attaching LoadTestPolicy
 * ({@code mvn iot:deploy-stack -Diot.stackTemplate=loadtest-policy}); devices are issued or reused; the run writes
 * {@code report.json}, {@code latency.hlog}, {@code report.html} to {@code <outputDirectory>/loadtest}, then applies
 * the thresholds.
 *
 * @since 0.1.0
 */
@Mojo(name = "loadtest", defaultPhase = LifecyclePhase.INTEGRATION_TEST, requiresProject = false, threadSafe = true)
public class LoadTestMojo extends AbstractAwsMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_SKIP, defaultValue = "false")
    private boolean skipLoadTest;

    /**
     * Publishers in the whole test (every shard together).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_PUBLISHERS, defaultValue = "1")
    private int publishers;

    /**
     * Subscribers in the whole test.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_SUBSCRIBERS, defaultValue = "1")
    private int subscribers;

    /**
     * Messages per second each publisher sends.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_RATE, defaultValue = "1")
    private double rate;

    /**
     * Payload size in bytes (64 to 131072).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_PAYLOAD_SIZE, defaultValue = "100")
    private int payloadSize;

    /**
     * QoS of publishes and subscriptions: 0 or 1.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_QOS, defaultValue = "1")
    private int qos;

    /**
     * Seconds measured once every device is connected.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_DURATION, defaultValue = "60")
    private int duration;

    /**
     * Seconds over which publishers connect, each publishing from its connect (0: all connect, then all start).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_RAMP_UP, defaultValue = "0")
    private int rampUp;

    /**
     * MQTT version: 5 or 3.1.1.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_MQTT_VERSION, defaultValue = "5")
    private String mqttVersion;

    /**
     * This process's slice, {@code K/N} with K from 0 (e.g. {@code ${env.JOB_COMPLETION_INDEX}/4}); empty: all.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_SHARD)
    private String shard;

    /**
     * Run a plan exceeding AWS IoT's default quotas against {@code aws} anyway (after raising them).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_FORCE, defaultValue = "false")
    private boolean force;

    /**
     * A device receiving every forward, for the publish-to-forward latency (adds P·S msg/s outbound).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_COLLECTOR, defaultValue = "true")
    private boolean collector;

    /**
     * Threads of the generator's Netty event loop, which do every device's TLS and MQTT work; 0 = half the cores,
     * at least one (one thread carries the seed's 20,000 msg/s at about a quarter of a core, and batches more work
     * per wake-up than several: fewer CPU-µs per message). Raise it for a shard offering far more than that.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_EVENT_LOOP_THREADS, defaultValue = "0")
    private int eventLoopThreads;

    /**
     * The devices' MQTT client: {@code netty} (Netty's own MQTT codec with only what the load test needs: 20-30 %
     * fewer generator CPU-µs per message than the other and a lower p99, measured in docs/benchmarks.md) or
     * {@code hivemq} (the HiveMQ MQTT client, a complete client). Both speak MQTT 5 and 3.1.1 over TLS on the same
     * event loop.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_CLIENT, defaultValue = "netty")
    private String client;

    /**
     * Fail when achieved / expected msg/s in the measured window is below this (0 disables).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_MIN_RATE_RATIO, defaultValue = "0.95")
    private double minRateRatio;

    /**
     * Fail when the delivery latency p99 exceeds this many ms (0 disables).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_MAX_P99_MILLIS, defaultValue = "0")
    private double maxP99Millis;

    /**
     * Fail when lost / expected messages exceeds this ratio (0.001 = 0.1 %; negative disables).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.LOADTEST_MAX_LOSS, defaultValue = "0.001")
    private double maxLoss;

    /**
     * Folder for results (and {@code loadtest-devices}, reused by later runs); default
     * {@code ${project.build.directory}/iot-jitp}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY)
    private File outputDirectory;

    private LoadTestPlan plan;
    private Thresholds thresholds;
    private MqttClientLibrary clientLibrary;

    @Override
    protected void beforeConnect() {
        plan = LoadTestPlan.of(publishers, subscribers, rate, payloadSize, qos, duration, rampUp, mqttVersion, shard,
                collector);
        thresholds = new Thresholds(minRateRatio, maxP99Millis, maxLoss);
        clientLibrary = MqttClientLibrary.parse(client);
    }

    @Override
    protected void runAws() throws IOException, MojoFailureException {
        plan.describe().forEach(getLog()::info);
        AwsIotQuotas.enforce(plan, connection().target() == Target.AWS, force, reporter());
        CertificateAuthority ca = loadCa();
        SubjectProfile subject = DeviceSubjectProperties.read(session(), project());
        String role = RoleArns.fromStacks(outputFolder(outputDirectory).resolve("stacks"))
                .map(RoleArns.Found::roleArn).orElse(RoleArns.seedDefault(connection().accountId()));
        LoadTestSetup.prepare(clients().iot(), ca, role, subject, reporter());
        Path devices = outputFolder(outputDirectory).resolve("loadtest-devices");
        LoadTestDevices.ensure(ca, devices, plan, subject, reporter());
        Path output = outputFolder(outputDirectory).resolve("loadtest");
        LoadTestEngine engine = new LoadTestEngine(plan, LoadTestSetup.broker(connection()), devices, output,
                reporter()).eventLoopThreads(eventLoopThreads).client(clientLibrary);
        LoadTestVerdict.apply(LoadTestReports.write(output, engine.run(), thresholds), getLog());
    }

    @Override
    protected String goal() {
        return "loadtest";
    }

    @Override
    protected boolean skipGoal() {
        return skipLoadTest;
    }
}
