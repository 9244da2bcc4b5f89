package io.jitp.core.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;

import org.junit.jupiter.api.Test;

import java.util.List;

class LoadTestPlanTest {
    static LoadTestPlan plan(int publishers, int subscribers, double rate) {
        return new LoadTestPlan(publishers, subscribers, rate, 100, 1, 60, 0, MqttProtocol.V5, Shard.WHOLE, true);
    }

    @Test
    void theSeedsExamplesGiveTheSeedsFigures() {
        LoadTestPlan readme = plan(3, 2, 1);
        assertEquals(15, readme.expectedTotalPerSecond());
        assertEquals(9, readme.expectedInboundPerSecond());
        assertEquals(6, readme.expectedOutboundPerSecond());
        LoadTestPlan seed = plan(487, 20, 1);
        assertEquals(19_967, seed.expectedTotalPerSecond());
        assertEquals(10_227, seed.expectedInboundPerSecond());
        assertEquals(9_740, seed.expectedOutboundPerSecond());
        assertEquals(9_740, seed.collectorPerSecond());
        assertEquals(487, seed.publishesPerConnection(), "each subscriber forwards every publisher's messages");
        assertEquals(1, seed.subscriptionsPerConnection());
        assertEquals(508, seed.devices());
    }

    @Test
    void ratesScaleAndTheRampUpSpreadsConnects() {
        LoadTestPlan plan = new LoadTestPlan(100, 0, 2.5, 100, 0, 10, 20, MqttProtocol.V3_1_1, Shard.WHOLE, true);
        assertEquals(250, plan.expectedTotalPerSecond());
        assertEquals(0, plan.collectorPerSecond(), "no subscribers, no forwards, no collector");
        assertEquals(2.5, plan.publishesPerConnection());
        assertEquals(5, plan.connectsPerSecond());
        assertFalse(plan.runsCollector());
    }

    @Test
    void shardExpectationsAddUpToTheWholeTest() {
        LoadTestPlan whole = plan(487, 20, 1);
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            sum += whole.withShard(new Shard(k, 3)).shardExpectedPerSecond();
        }
        assertEquals(whole.expectedTotalPerSecond(), sum, 1e-9);
        assertEquals(whole.expectedTotalPerSecond(), whole.shardExpectedPerSecond(), 1e-9);
    }

    @Test
    void devicesAreTheSeedsNamesSlicedByShard() {
        LoadTestPlan plan = plan(5, 2, 1).withShard(new Shard(1, 2));
        assertEquals(List.of("pub1", "pub3"), plan.localPublishers());
        assertEquals(List.of("sub1"), plan.localSubscribers());
        assertFalse(plan.runsCollector(), "only shard 0 runs the collector");
        assertTrue(plan(5, 2, 1).runsCollector());
    }

    @Test
    void badNumbersNameTheirParameter() {
        assertTrue(assertThrows(InvalidInputException.class, () -> plan(0, 1, 1)).getMessage()
                .contains("iot.loadtest.publishers"));
        assertTrue(assertThrows(InvalidInputException.class, () -> new LoadTestPlan(1, 1, 1, 100, 2, 60, 0,
                MqttProtocol.V5, Shard.WHOLE, true)).getMessage().contains("QoS 2"));
        assertTrue(assertThrows(InvalidInputException.class, () -> new LoadTestPlan(1, 1, 1, 10, 1, 60, 0,
                MqttProtocol.V5, Shard.WHOLE, true)).getMessage().contains("iot.loadtest.payloadSize"));
        assertThrows(InvalidInputException.class, () -> plan(1, 1, 0));
        assertEquals(MqttProtocol.V3_1_1, MqttProtocol.parse("3.1.1"));
        assertThrows(InvalidInputException.class, () -> MqttProtocol.parse("4"));
    }
}
