package io.jitp.core.loadtest;

import io.netty.util.ResourceLeakDetector;

/**
 * Turns Netty's buffer leak detection off while load-test runs are going on, then back to what it was. By default
 * Netty tracks one buffer allocation in 128 and records a stack trace for it; at the tens of thousands of TLS records
 * and packets a second a generator handles, that sampling alone cost a tenth of the generator's CPU per message
 * (measured, docs/benchmarks.md, "Session 5"). Leak detection is a debugging aid that changes nothing on the wire; a
 * user who sets {@value #PROPERTY} explicitly (e.g. {@code paranoid} to hunt a leak) keeps the level asked for.
 *
 * <p>The level is JVM-wide, and one Maven JVM may run several load tests at once (a parallel build, {@code -T}): the
 * first pause takes the level down and the last one to close puts it back, so runs that overlap in any order never
 * leave it off.
 */
final class LeakDetectionPause implements AutoCloseable {
    static final String PROPERTY = "io.netty.leakDetection.level";

    /** Pauses not yet closed, and the level before the first of them; both guarded by the class. */
    private static int open;
    private static ResourceLeakDetector.Level before;

    private boolean closed;

    LeakDetectionPause() {
        synchronized (LeakDetectionPause.class) {
            if (open++ == 0) {
                before = ResourceLeakDetector.getLevel();
                if (System.getProperty(PROPERTY) == null) {
                    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (LeakDetectionPause.class) {
            if (closed) {
                return;
            }
            closed = true;
            if (--open == 0) {
                ResourceLeakDetector.setLevel(before);
            }
        }
    }
}
