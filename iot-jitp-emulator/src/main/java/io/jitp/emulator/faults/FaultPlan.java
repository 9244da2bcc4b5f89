package io.jitp.emulator.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The faults a stand-in injects, from {@code --faults}: rules separated by {@code ;} or new lines (a file name is
 * read), each {@code fault=KIND} with {@code probability=P} and/or {@code every=N}, optionally
 * {@code operation=GLOB} and, for {@code delay}, {@code millis=N}; {@code seed=N} makes the probabilities repeat run
 * after run. Example: {@code fault=throttling,every=3,operation=POST /things/*;fault=delay,millis=200,probability=0.1;seed=7}.
 *
 * <p>For a given seed and a given order of requests the same requests fail: each rule counts and draws only for the
 * requests it matches, and the first rule that fires wins.
 */
public final class FaultPlan {
    /** No faults: what a stand-in does unless told otherwise. */
    public static final FaultPlan NONE = new FaultPlan(List.of(), 0);

    private final List<FaultRule> rules;
    private final long seed;
    private final Random random;
    private final long[] matched;
    private final Map<FaultKind, Long> injected = new EnumMap<>(FaultKind.class);

    private FaultPlan(List<FaultRule> rules, long seed) {
        this.rules = List.copyOf(rules);
        this.seed = seed;
        this.random = new Random(seed);
        this.matched = new long[rules.size()];
    }

    /**
     * @param rules the rules, first match wins
     * @param seed  the seed of the probabilities
     * @return a plan
     */
    public static FaultPlan of(List<FaultRule> rules, long seed) {
        return new FaultPlan(rules, seed);
    }

    /**
     * @param specOrFile a spec, or the name of a file holding one ({@code #} starts a comment line)
     * @return the plan
     * @throws IllegalArgumentException naming the bad rule
     */
    public static FaultPlan parse(String specOrFile) {
        String spec = specOrFile;
        if (!specOrFile.contains("=")) {
            try {
                spec = Files.readString(Path.of(specOrFile));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("--faults: cannot read the fault file " + specOrFile + ": " + e);
            }
        }
        List<FaultRule> rules = new ArrayList<>();
        long seed = 0;
        for (String line : spec.split("[;\\n]")) {
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            if (rule.startsWith("seed=")) {
                seed = parseNumber(rule, rule.substring("seed=".length()));
            } else {
                rules.add(parseRule(rule));
            }
        }
        return new FaultPlan(rules, seed);
    }

    private static FaultRule parseRule(String rule) {
        FaultKind kind = null;
        double probability = 0;
        int every = 0;
        String operation = null;
        long millis = 0;
        for (String setting : rule.split(",")) {
            int equals = setting.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("--faults: '" + setting + "' in rule '" + rule
                        + "' is not NAME=VALUE");
            }
            String value = setting.substring(equals + 1).strip();
            try {
                switch (setting.substring(0, equals).strip().toLowerCase(Locale.ROOT)) {
                    case "fault" -> kind = FaultKind.ofSpecName(value);
                    case "probability" -> probability = Double.parseDouble(value);
                    case "every" -> every = Integer.parseInt(value);
                    case "operation" -> operation = value;
                    case "millis" -> millis = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown setting '" + setting
                            + "'; use fault, probability, every, operation, millis");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--faults: rule '" + rule + "': " + e.getMessage());
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("--faults: rule '" + rule + "' names no fault=KIND");
        }
        try {
            return new FaultRule(kind, probability, every, operation, millis);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--faults: rule '" + rule + "': " + e.getMessage());
        }
    }

    private static long parseNumber(String rule, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--faults: '" + rule + "' needs a whole number");
        }
    }

    /** @return true if this plan injects nothing */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** @return true if a rule drops MQTT connections */
    public boolean hasMqttFaults() {
        return rules.stream().anyMatch(FaultRule::isMqtt);
    }

    /**
     * @param label the request's label (see {@link FaultRule#operation()})
     * @return the fault to inject into this HTTP request, if any
     */
    public Optional<FaultRule> forHttp(String label) {
        return next(label, false);
    }

    /**
     * @param clientId the client id of a new MQTT connection
     * @return the fault to inject into it, if any
     */
    public Optional<FaultRule> forMqttConnection(String clientId) {
        return next("CONNECT " + clientId, true);
    }

    private synchronized Optional<FaultRule> next(String label, boolean mqtt) {
        FaultRule fired = null;
        for (int i = 0; i < rules.size(); i++) {
            FaultRule rule = rules.get(i);
            if (rule.isMqtt() != mqtt || !rule.matches(label)) {
                continue;
            }
            matched[i]++;
            // Draw even when an earlier rule fired, so one rule's firing does not shift another's sequence.
            boolean byChance = rule.probability() > 0 && random.nextDouble() < rule.probability();
            boolean byCount = rule.everyNth() > 0 && matched[i] % rule.everyNth() == 0;
            if (fired == null && (byChance || byCount)) {
                fired = rule;
            }
        }
        if (fired != null) {
            injected.merge(fired.kind(), 1L, Long::sum);
        }
        return Optional.ofNullable(fired);
    }

    /**
     * @param kind a fault
     * @return how many times it was injected so far (what a test checks its clients survived)
     */
    public synchronized long injected(FaultKind kind) {
        return injected.getOrDefault(kind, 0L);
    }

    @Override
    public String toString() {
        return rules.stream().map(r -> r.kind().specName()
                        + (r.everyNth() > 0 ? " every " + r.everyNth() : "")
                        + (r.probability() > 0 ? " p=" + r.probability() : "")
                        + (r.kind() == FaultKind.DELAY ? " " + r.delayMillis() + " ms" : "")
                        + (r.operation() != null ? " on " + r.operation() : ""))
                .collect(Collectors.joining("; ", "faults [", "; seed " + seed + "]"));
    }
}
