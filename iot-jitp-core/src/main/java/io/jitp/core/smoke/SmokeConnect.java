package io.jitp.core.smoke;

import io.jitp.core.Reporter;
import io.jitp.core.devices.Progress;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import software.amazon.awssdk.services.iot.IotClient;

/**
 * The connect-before-ship test: every device connects as itself, exchanges a message and is confirmed by the control
 * plane, {@code parallelism} devices at a time (each waits about a second for its JITP reconnect, so the parallelism,
 * not the CPU, sets the pace). One device's failure never stops the others.
 */
public final class SmokeConnect {
    private final SmokeOptions options;
    private final DeviceCheck check;
    private final Reporter reporter;

    /**
     * @param options  how to test
     * @param iot      the control plane (used only when {@link SmokeOptions#checkControlPlane()})
     * @param reporter where progress goes
     */
    public SmokeConnect(SmokeOptions options, IotClient iot, Reporter reporter) {
        this.options = options;
        this.check = new DeviceCheck(options, new ControlPlaneCheck(iot));
        this.reporter = reporter;
    }

    /**
     * @param devices the devices to test
     * @return one outcome per device, in input order
     * @throws IOException if interrupted
     */
    public SmokeReport run(List<SmokeDevice> devices) throws IOException {
        reporter.info("Smoke-testing " + devices.size() + " device(s) against " + options.endpoint().describe()
                + ", " + Math.min(options.parallelism(), devices.size()) + " at a time");
        Progress progress = new Progress("Checked", devices.size(), reporter);
        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(options.parallelism(), devices.size()));
        try {
            List<Future<DeviceOutcome>> futures = new ArrayList<>(devices.size());
            for (SmokeDevice device : devices) {
                futures.add(workers.submit(() -> {
                    DeviceOutcome outcome = check.run(device);
                    progress.completed();
                    return outcome;
                }));
            }
            List<DeviceOutcome> outcomes = new ArrayList<>(devices.size());
            for (Future<DeviceOutcome> future : futures) {
                outcomes.add(future.get());
            }
            progress.finished();
            return new SmokeReport(outcomes, System.nanoTime() - start, options.endpoint().describe());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Smoke-connect interrupted");
        } catch (ExecutionException e) {
            // DeviceCheck turns every problem into an outcome; anything else is a bug worth its stack trace.
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }
}
