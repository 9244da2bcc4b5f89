package io.jitp.core.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;
import io.jitp.core.RecordingReporter;

import org.junit.jupiter.api.Test;

import java.util.List;

class AwsIotQuotasTest {
    private final RecordingReporter reporter = new RecordingReporter();
    private final List<String> lines = reporter.lines();

    private static List<String> broken(LoadTestPlan plan) {
        return AwsIotQuotas.check(plan).stream().filter(c -> !c.within()).map(QuotaCheck::quota).toList();
    }

    @Test
    void theSeedsShapeBreaksThePerConnectionPublishQuota() {
        assertEquals(List.of("Publishes per connection", "CONNECT requests per account"),
                broken(LoadTestPlanTest.plan(487, 20, 1)));
        assertTrue(broken(LoadTestPlanTest.plan(90, 1, 1)).isEmpty());
        assertEquals(List.of("Inbound publishes per account"), broken(new LoadTestPlan(30_000, 0, 1, 100, 1, 60, 100,
                MqttProtocol.V5, Shard.WHOLE, false)));
        // Only the forward collector's deliveries push outbound over the account quota here.
        assertEquals(List.of("Outbound publishes per account"), broken(LoadTestPlanTest.plan(90, 150, 1)));
    }

    @Test
    void aPlanBreakingAQuotaIsRefusedForAwsUnlessForced() {
        LoadTestPlan seed = LoadTestPlanTest.plan(487, 20, 1);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> AwsIotQuotas.enforce(seed, true, false, reporter));
        assertTrue(refused.getMessage().contains("iot.loadtest.force=true"), refused.getMessage());
        assertTrue(lines.stream().anyMatch(l -> l.contains("Publishes per connection") && l.contains("EXCEEDED")));
        assertEquals(2, AwsIotQuotas.enforce(seed, true, true, reporter).size());
        assertTrue(lines.get(lines.size() - 1).startsWith("WARN") && lines.get(lines.size() - 1).contains("force"));
    }

    @Test
    void againstTheStandInItIsAWarning() {
        assertEquals(2, AwsIotQuotas.enforce(LoadTestPlanTest.plan(487, 20, 1), false, false, reporter).size());
        assertTrue(lines.get(lines.size() - 1).contains("AWS would throttle it"));
        lines.clear();
        assertTrue(AwsIotQuotas.enforce(LoadTestPlanTest.plan(20, 2, 1), true, false, reporter).isEmpty());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("WARN")));
    }
}
