package io.jitp.emulator;

import org.slf4j.Logger;

/**
 * Times the phases of a start at DEBUG level ({@code java -Diot.jitp.log.level=DEBUG -jar …}), to see where a slow
 * start spends its time: the state directory, keys and certificates, HiveMQ, ElasticMQ.
 */
public final class PhaseClock {
    private final Logger log;
    private long last = System.nanoTime();

    /** @param log the logger of the component being started */
    public PhaseClock(Logger log) {
        this.log = log;
    }

    /** @param name the phase that just ended; logs how long it took since the previous one (or the clock's start) */
    public void phase(String name) {
        long now = System.nanoTime();
        log.debug("Start-up phase '{}' took {} ms", name, (now - last) / 1_000_000);
        last = now;
    }
}
