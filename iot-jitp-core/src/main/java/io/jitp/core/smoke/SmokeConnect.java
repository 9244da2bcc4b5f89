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
 * not the CPU, sets the pace). The control plane's verdict on certificates and policies is given for all devices at
 * once, after the last one is done (see {@link ControlPlaneCheck}). One device's failure never stops the others.
 */
public final class SmokeConnect {
    private final SmokeOptions options;
    private final ControlPlaneCheck controlPlane;
    private final DeviceCheck check;
    private final Reporter reporter;

    /**
     * @param options  how to test
     * @param iot      the control plane (used only when {@link SmokeOptions#checkControlPlane()})
     * @param reporter where progress goes
     */
    public SmokeConnect(SmokeOptions options, IotClient iot, Reporter reporter) {
        this.options = options;
        this.controlPlane = new ControlPlaneCheck(iot);
        this.check = new DeviceCheck(options, controlPlane);
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
            List<Future<DeviceCheck.Checked>> futures = new ArrayList<>(devices.size());
            for (SmokeDevice device : devices) {
                futures.add(workers.submit(() -> {
                    DeviceCheck.Checked checked = check.run(device);
                    progress.completed();
                    return checked;
                }));
            }
            List<DeviceCheck.Checked> checked = new ArrayList<>(devices.size());
            for (Future<DeviceCheck.Checked> future : futures) {
                checked.add(future.get());
            }
            List<DeviceOutcome> outcomes = withControlPlaneVerdicts(checked, workers);
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

    private List<DeviceOutcome> withControlPlaneVerdicts(List<DeviceCheck.Checked> checked, ExecutorService workers)
            throws InterruptedIOException {
        List<ControlPlaneCheck.Subject> subjects = checked.stream().map(DeviceCheck.Checked::subject)
                .filter(s -> s != null).toList();
        List<List<String>> problems;
        if (subjects.isEmpty()) {
            problems = List.of();
        } else {
            try {
                problems = controlPlane.problems(subjects, workers, options.connector().newBackoff());
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                problems = subjects.stream().map(s -> List.of("control plane: " + e.getMessage())).toList();
            }
        }
        List<DeviceOutcome> outcomes = new ArrayList<>(checked.size());
        int next = 0;
        for (DeviceCheck.Checked one : checked) {
            outcomes.add(one.subject() == null ? one.outcome() : one.outcome().withProblems(problems.get(next++)));
        }
        return outcomes;
    }
}
