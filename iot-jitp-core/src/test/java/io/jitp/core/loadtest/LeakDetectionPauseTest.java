package io.jitp.core.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.util.ResourceLeakDetector;

import org.junit.jupiter.api.Test;

/** A run switches Netty's leak detection off and back, unless the user asked for a level. */
class LeakDetectionPauseTest {
    @Test
    void offDuringTheRunThenBackToWhatItWas() {
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        assumeNoUserLevel();
        try (LeakDetectionPause pause = new LeakDetectionPause()) {
            assertEquals(ResourceLeakDetector.Level.DISABLED, ResourceLeakDetector.getLevel());
        }
        assertEquals(before, ResourceLeakDetector.getLevel());
    }

    @Test
    void overlappingRunsPutTheLevelBackOnlyWhenTheLastEnds() {
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        assumeNoUserLevel();
        LeakDetectionPause first = new LeakDetectionPause();
        LeakDetectionPause second = new LeakDetectionPause();
        first.close();
        assertEquals(ResourceLeakDetector.Level.DISABLED, ResourceLeakDetector.getLevel(),
                "the second run is still going");
        first.close();
        assertEquals(ResourceLeakDetector.Level.DISABLED, ResourceLeakDetector.getLevel(),
                "closing one pause twice counts once");
        second.close();
        assertEquals(before, ResourceLeakDetector.getLevel());
    }

    @Test
    void aLevelTheUserAskedForIsKept() {
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        assumeNoUserLevel();
        System.setProperty(LeakDetectionPause.PROPERTY, "paranoid");
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        try (LeakDetectionPause pause = new LeakDetectionPause()) {
            assertEquals(ResourceLeakDetector.Level.PARANOID, ResourceLeakDetector.getLevel());
        } finally {
            System.clearProperty(LeakDetectionPause.PROPERTY);
            ResourceLeakDetector.setLevel(before);
        }
    }

    private static void assumeNoUserLevel() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty(LeakDetectionPause.PROPERTY) == null,
                "this JVM was started with a leak detection level");
    }
}
