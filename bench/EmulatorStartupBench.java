import io.jitp.core.Reporter;
import io.jitp.core.emulator.EmulatorProcess;
import io.jitp.core.emulator.StandInEndpoints;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Time from spawning the stand-in's JVM to its readiness signal (endpoints.json), started as the plugin starts it
 * (EmulatorProcess: its default JVM options, C1 only among them, AppCDS archive from a state directory's second
 * start on), side by side with a plain {@code java -cp … Emulator} start (the way before), and with the C2 compiler
 * brought back ({@code -Diot.jitp.emulator.jvmOptions=-XX:TieredStopAtLevel=4}, the default before session 4). "plain" and "cold" use a fresh state
 * directory per run; "warm" reuses one (keys, registry and class-data archive already there). Prints
 * min/median/max and the load average; asserts nothing. With a BASELINE_CLASSPATH_FILE (another build of the
 * stand-in, e.g. main's), its cold and warm starts are interleaved too, for a before/after ratio in one run.
 * Usage: java -cp ... EmulatorStartupBench.java RUNS WORKDIR CLASSPATH_FILE [BASELINE_CLASSPATH_FILE]
 */
public class EmulatorStartupBench {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String WITH_C2 = "-XX:TieredStopAtLevel=4";

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        List<Path> classpath = classpath(Path.of(args[2]));
        List<Path> baseline = args.length > 3 ? classpath(Path.of(args[3])) : null;
        System.out.printf("load average before: %s%n", loadAverage());
        List<Long> plain = new ArrayList<>();
        List<Long> cold = new ArrayList<>();
        List<Long> coldC2 = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        List<Long> warmC2 = new ArrayList<>();
        List<Long> baselineCold = new ArrayList<>();
        List<Long> baselineWarm = new ArrayList<>();
        Path warmState = work.resolve("warm");
        Path baselineWarmState = work.resolve("warm-baseline");
        prime(warmState, classpath);
        if (baseline != null) {
            prime(baselineWarmState, baseline);
        }
        // Interleaved, so that a change in the machine's load touches every series alike.
        for (int i = 0; i < runs; i++) {
            plain.add(plainStart(work.resolve("plain-" + i), classpath));
            cold.add(pluginStart(work.resolve("cold-" + i), classpath, ""));
            coldC2.add(pluginStart(work.resolve("cold-c2-" + i), classpath, WITH_C2));
            warm.add(pluginStart(warmState, classpath, ""));
            warmC2.add(pluginStart(warmState, classpath, WITH_C2));
            if (baseline != null) {
                baselineCold.add(pluginStart(work.resolve("cold-baseline-" + i), baseline, ""));
                baselineWarm.add(pluginStart(baselineWarmState, baseline, ""));
            }
            System.out.printf("run %d: plain %d ms, cold %d ms, cold+C2 %d ms, warm %d ms, warm+C2 %d ms%s (load %s)%n",
                    i + 1, plain.get(i), cold.get(i), coldC2.get(i), warm.get(i), warmC2.get(i),
                    baseline == null ? "" : ", baseline cold " + baselineCold.get(i) + " ms, baseline warm "
                            + baselineWarm.get(i) + " ms", loadAverage());
        }
        System.out.println();
        System.out.println("series | runs | min ms | median ms | max ms | median ratio to plain");
        long reference = median(plain);
        print("plain java -cp (before)", plain, reference);
        print("plugin, fresh state dir (cold)", cold, reference);
        print("plugin, fresh state dir, with C2 (the default before session 4)", coldC2, reference);
        print("plugin, existing state dir (warm: keys, CDS archive)", warm, reference);
        print("plugin, existing state dir, with C2 (the default before session 4)", warmC2, reference);
        if (baseline != null) {
            print("baseline build, fresh state dir (cold)", baselineCold, reference);
            print("baseline build, existing state dir (warm)", baselineWarm, reference);
            System.out.printf(Locale.ROOT, "this build vs baseline: cold %.2fx, warm %.2fx quicker (median ratio)%n",
                    (double) median(baselineCold) / median(cold), (double) median(baselineWarm) / median(warm));
        }
        System.out.println();
        System.out.println("CPU time the stand-in had used at its readiness signal (user + system), per series:");
        CPU_AT_READY.forEach((series, millis) -> System.out.printf(Locale.ROOT,
                "%s | %d runs | median %d CPU-ms | min %d | max %d%n", series, millis.size(), median(millis),
                millis.stream().min(Long::compare).orElseThrow(), millis.stream().max(Long::compare).orElseThrow()));
        System.out.printf("load average after: %s%n", loadAverage());
    }

    private static List<Path> classpath(Path file) throws Exception {
        return Arrays.stream(Files.readString(file).trim().split(":")).map(Path::of).toList();
    }

    /** Two starts of the warm state directory: the first creates its keys, the second writes its CDS archive. */
    private static void prime(Path state, List<Path> classpath) throws Exception {
        priming = true;
        for (int i = 0; i < 2; i++) {
            pluginStart(state, classpath, "");
        }
        priming = false;
    }

    /** CPU time (user + system) each plugin start had used by its readiness signal, keyed by its series' state. */
    private static final java.util.Map<String, List<Long>> CPU_AT_READY = new java.util.LinkedHashMap<>();
    private static boolean priming;

    /** @param jvmOptions more options for the stand-in (EmulatorProcess.JVM_OPTIONS_PROPERTY) */
    private static long pluginStart(Path state, List<Path> classpath, String jvmOptions) throws Exception {
        System.setProperty(EmulatorProcess.JVM_OPTIONS_PROPERTY, jvmOptions);
        EmulatorProcess process = new EmulatorProcess(state, TIMEOUT, Reporter.silent());
        long startedAt = System.nanoTime();
        EmulatorProcess.Running running = process.startOrReuse(() -> classpath, true, List.of());
        long elapsed = (System.nanoTime() - startedAt) / 1_000_000;
        if (!running.startedNow()) {
            throw new IllegalStateException("a stand-in was already running in " + state);
        }
        long cpu = cpuMillis(running.endpoints().pid());
        if (!priming) {
            CPU_AT_READY.computeIfAbsent(seriesOf(state, jvmOptions), k -> new ArrayList<>())
                    .add(cpu);
        }
        process.stop();
        return elapsed;
    }

    private static String seriesOf(Path state, String jvmOptions) {
        return state.getFileName().toString().replaceAll("-\\d+$", "") + (jvmOptions.isEmpty() ? "" : " " + jvmOptions);
    }

    /** @return user + system CPU time of a running process (Linux: /proc/PID/stat, 100 ticks per second) */
    private static long cpuMillis(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static long plainStart(Path state, List<Path> classpath) throws Exception {
        Files.createDirectories(state);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath.stream().map(Path::toString).collect(Collectors.joining(":")), EmulatorProcess.MAIN_CLASS,
                "--state-dir", state.toString());
        long startedAt = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(state.resolve("emulator.log").toFile()).start();
        try {
            while (StandInEndpoints.read(state).filter(e -> e.pid() == process.pid()).isEmpty()) {
                if (!process.isAlive() || System.nanoTime() - startedAt > TIMEOUT.toNanos()) {
                    throw new IllegalStateException("the plain stand-in did not start; see " + state);
                }
                Thread.sleep(20);
            }
            return (System.nanoTime() - startedAt) / 1_000_000;
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static void print(String name, List<Long> millis, long reference) {
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%s | %d | %d | %d | %d | %.2fx%n", name, sorted.size(), sorted.get(0),
                median(millis), sorted.get(sorted.size() - 1), (double) reference / median(millis));
    }

    private static long median(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() throws Exception {
        return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }
}
