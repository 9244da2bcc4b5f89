package io.jitp.core.loadtest;

import io.jitp.core.InvalidInputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Shard outputs added into one: counts per second aligned on the epoch second and summed, per-publisher accounts
 * summed (each shard knows what its own publishers sent and what its own subscribers received, so loss is only
 * right once they are together), the measured window narrowed to the seconds every shard measured.
 */
final class RunDataMerge {
    private RunDataMerge() {
    }

    static RunData merge(List<RunData> parts) {
        if (parts.isEmpty()) {
            throw new InvalidInputException("No load-test output to merge: pass the shard folders or their"
                    + " report.json files");
        }
        RunData first = parts.get(0);
        Set<String> shards = new HashSet<>();
        for (RunData part : parts) {
            requireSameTest(first, part);
            for (String shard : part.shards()) {
                if (!shards.add(shard)) {
                    throw new InvalidInputException("Shard " + shard + " appears twice among the outputs to merge;"
                            + " pass each shard's output once");
                }
            }
        }
        long start = parts.stream().mapToLong(RunData::startSecond).min().orElseThrow();
        long steadyStart = parts.stream().mapToLong(RunData::steadyStartSecond).max().orElseThrow();
        long steadyEnd = parts.stream().mapToLong(RunData::steadyEndSecond).min().orElseThrow();
        Map<String, long[]> timeline = new LinkedHashMap<>();
        for (Counter counter : Counter.values()) {
            long length = parts.stream().mapToLong(p -> p.startSecond() - start + p.series(counter).length).max()
                    .orElse(0);
            long[] sum = new long[(int) length];
            for (RunData part : parts) {
                long[] values = part.series(counter);
                int offset = (int) (part.startSecond() - start);
                for (int i = 0; i < values.length; i++) {
                    sum[offset + i] += values[i];
                }
            }
            timeline.put(counter.jsonName(), sum);
        }
        Map<Integer, PublisherAccount> accounts = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        List<GeneratorFigures> generators = new ArrayList<>();
        List<String> shardList = new ArrayList<>();
        for (RunData part : parts) {
            part.publishers().forEach(a -> accounts.merge(a.number(), a, PublisherAccount::plus));
            failed.addAll(part.failedDevices());
            generators.addAll(part.generators());
            shardList.addAll(part.shards());
        }
        return new RunData(first.target(), first.plan().withShard(Shard.WHOLE), shardList,
                parts.stream().mapToDouble(RunData::expectedPerSecond).sum(), start, steadyStart,
                Math.max(steadyStart, steadyEnd), timeline, parts.stream().mapToLong(RunData::duplicates).sum(),
                parts.stream().mapToInt(RunData::subscribersRun).sum(),
                parts.stream().anyMatch(RunData::collectorRun), failed, List.copyOf(accounts.values()), generators);
    }

    private static void requireSameTest(RunData first, RunData other) {
        LoadTestPlan a = first.plan();
        LoadTestPlan b = other.plan().withShard(a.shard());
        if (!a.equals(b)) {
            throw new InvalidInputException("Shard outputs of different load tests cannot be merged: "
                    + a.describe().get(0) + " versus " + other.plan().describe().get(0));
        }
    }
}
