package io.jitp.core.loadtest;

import io.netty.util.ResourceLeakDetector;

/**
 * Turns Netty's buffer leak detection off for one load-test run, then back to what it was. By default Netty tracks
 * one buffer allocation in 128 and records a stack trace for it; at the tens of thousands of TLS records and packets a
 * second a generator handles, that sampling alone cost a tenth of the generator's CPU per message (measured,
 * docs/benchmarks.md, "Session 5"). Leak detection is a debugging aid that changes nothing on the wire; a user who
 * sets {@value #PROPERTY} explicitly (e.g. {@code paranoid} to hunt a leak) keeps the level asked for.
 */
final class LeakDetectionPause implements AutoCloseable {
    static final String PROPERTY = "io.netty.leakDetection.level";

    private final ResourceLeakDetector.Level before;

    LeakDetectionPause() {
        this.before = ResourceLeakDetector.getLevel();
        if (System.getProperty(PROPERTY) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    @Override
    public void close() {
        ResourceLeakDetector.setLevel(before);
    }
}
