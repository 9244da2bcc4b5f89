package io.jitp.emulator;

import io.jitp.emulator.faults.FaultPlan;
import io.jitp.emulator.state.StateFileException;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stand-in as its own process:
 * {@code java -jar iot-jitp-emulator.jar [--port N] [--mqtt-port N] [--state-dir DIR] [--region R] [--account ID] …}.
 * Prints its endpoints once ready, writes them to {@code endpoints.json} in the state directory, and stops
 * cleanly on SIGTERM or Ctrl-C. Exit codes: 0 after a clean stop, 1 when it cannot start, 2 for a usage error.
 */
public final class Emulator {
    /** Environment variable that sets the secret access key (never a command-line option: it would show in ps). */
    public static final String SECRET_ENV = "IOT_JITP_SECRET_ACCESS_KEY";

    static final String USAGE = """
            Usage: java -jar iot-jitp-emulator.jar [options]
              --state-dir DIR           state directory (default ~/.iot-jitp/emulator)
              --port N                  control-plane HTTP port: IoT REST, CloudFormation (default 0 = a free port)
              --mqtt-port N             MQTT-over-TLS port (default: 8883 when free, else a free port; 0 = a free port)
              --alpn-port N             MQTT with ALPN x-amzn-mqtt-ca, AWS's 443 (default 0 = a free port; -1 = off)
              --bind ADDRESS            listen address (default 127.0.0.1, loopback only)
              --region REGION           region (default us-east-1)
              --account ID              12-digit account id (default 123456789012)
              --access-key-id KEY       access key clients sign with (default AKIAIOTJITPSTANDIN00)
              --data-endpoint-host HOST host DescribeEndpoint returns (default localhost)
              --quotas aws|off          enforce AWS IoT's default quotas (default off)
              --exit-with-parent PID    stop when process PID ends (default: run until stopped)
              --max-request-bytes N     largest control-plane request body; larger get 413 (default 1048576)
              --faults SPEC|FILE        inject faults on purpose, e.g. 'fault=throttling,every=3;seed=1'
                                        (see README: throttling, internal-failure, service-unavailable,
                                        invalid-request, delay, drop, mqtt-drop)
            The secret access key comes from $IOT_JITP_SECRET_ACCESS_KEY, or is generated once per state
            directory. Endpoints and credentials are written to endpoints.json in the state directory.
            """;

    private Emulator() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        // The stand-in's own logging (and not the logback.xml in HiveMQ's jar), unless the user named a file.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty(StandInLogging.PROPERTY, "true");
        }
        EmulatorConfig config;
        try {
            config = parse(args, System.getenv(SECRET_ENV));
        } catch (IllegalArgumentException e) {
            System.err.println("iot-jitp-emulator: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (config == null) {
            System.out.print(USAGE);
            return;
        }
        System.exit(run(config, System.out, System.err));
    }

    /**
     * Starts the stand-in and blocks until the JVM is asked to stop.
     *
     * @return the exit code
     */
    static int run(EmulatorConfig config, PrintStream out, PrintStream err) {
        EmulatorServer server = EmulatorServer.withDefaultComponents(config);
        CountDownLatch stopped = new CountDownLatch(1);
        long startedAt = System.nanoTime();
        try {
            EmulatorEndpoints endpoints = server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "iot-jitp-emulator-stop"));
            out.printf("iot-jitp-emulator ready in %d ms, %d ms after the JVM started (state directory %s)%n",
                    (System.nanoTime() - startedAt) / 1_000_000,
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime(),
                    config.stateDirectory().toAbsolutePath());
            BindAddressWarning.of(config.bindAddress()).ifPresent(err::println);
            out.println(endpoints.describe());
            out.println("Endpoints file: " + config.stateDirectory().toAbsolutePath()
                    .resolve(EmulatorEndpoints.FILE_NAME));
            out.flush();
            exitWithParent(config.parentPid(), out);
        } catch (StateFileException e) {
            err.println("iot-jitp-emulator: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("iot-jitp-emulator: cannot start: " + e.getMessage());
            server.close();
            return 1;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Stops this process (through the shutdown hook, so cleanly) once the parent ends, however it ends: a build
     * killed with SIGKILL cannot stop the stand-in it started itself.
     */
    private static void exitWithParent(long parentPid, PrintStream out) {
        if (parentPid == 0) {
            return;
        }
        out.println("Stopping when process " + parentPid + " ends");
        out.flush();
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> System.exit(0)),
                () -> new Thread(() -> System.exit(0), "iot-jitp-emulator-orphan").start());
    }

    /**
     * @param args the command line
     * @param secretFromEnvironment the secret from the environment, or null
     * @return the configuration, or null when help was asked for
     * @throws IllegalArgumentException on an unknown option or a bad value
     */
    static EmulatorConfig parse(String[] args, String secretFromEnvironment) {
        EmulatorConfig.Builder builder = EmulatorConfig.builder(
                Path.of(System.getProperty("user.home"), ".iot-jitp", "emulator"))
                // As a process the stand-in plays AWS IoT: its port when free, and the port-443 (ALPN) variant.
                .mqttPort(EmulatorConfig.MQTT_PORT_8883_WHEN_FREE).alpnPort(0);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--state-dir" -> builder.stateDirectory(Path.of(value));
                case "--port" -> builder.httpPort(number(option, value));
                case "--mqtt-port" -> builder.mqttPort(number(option, value));
                case "--alpn-port" -> builder.alpnPort(number(option, value));
                case "--bind" -> builder.bindAddress(value);
                case "--region" -> builder.region(value);
                case "--account" -> builder.accountId(value);
                case "--access-key-id" -> builder.accessKeyId(value);
                case "--data-endpoint-host" -> builder.dataEndpointHost(value);
                case "--quotas" -> builder.quotasMode(quotas(value));
                case "--exit-with-parent" -> builder.parentPid(number(option, value));
                case "--max-request-bytes" -> builder.maxRequestBytes(number(option, value));
                case "--faults" -> builder.faults(FaultPlan.parse(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (secretFromEnvironment != null && !secretFromEnvironment.isBlank()) {
            builder.secretAccessKey(secretFromEnvironment);
        }
        return builder.build();
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + value);
        }
    }

    private static QuotasMode quotas(String value) {
        try {
            return QuotasMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--quotas must be aws or off, got " + value);
        }
    }
}
