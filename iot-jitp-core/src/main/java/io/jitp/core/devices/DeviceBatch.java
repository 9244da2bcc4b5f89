package io.jitp.core.devices;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;
import io.jitp.core.UserPaths;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.CertificateIds;
import io.jitp.core.pki.Certificates;
import io.jitp.core.pki.ExclusiveFileLock;
import io.jitp.core.pki.SecureFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Issues a batch of devices in parallel. First every requested device that already exists is checked (kept if still
 * good, the run refused before writing anything if not, unless forced); then the missing ones are issued on all
 * workers. The manifest is rewritten at the end, also when issuing failed, and lists exactly the devices that exist.
 */
public final class DeviceBatch {
    /** Held for the whole run, so the folder's batches take turns; it guards the manifest, hence its name. */
    static final String LOCK_FILE = "manifest.lock";

    private final CertificateAuthority ca;
    private final BatchOptions options;
    private final Reporter reporter;

    /**
     * @param ca       the issuing CA
     * @param options  where and how to issue
     * @param reporter receives progress
     */
    public DeviceBatch(CertificateAuthority ca, BatchOptions options, Reporter reporter) {
        this.ca = ca;
        this.options = options;
        this.reporter = reporter;
    }

    /**
     * @param requests the devices wanted
     * @return what was issued and kept, and the manifest
     * @throws InvalidInputException if an existing device cannot be kept (nothing is written then)
     * @throws BatchFailedException  if issuing failed part-way (the manifest lists what exists)
     * @throws IOException           if the manifest cannot be written
     */
    public BatchResult run(List<DeviceRequest> requests) throws IOException {
        Path folder = options.devicesFolder();
        UserPaths.createFolder(folder, "output folder");
        // One batch per folder at a time: a second one would delete the first's temporary files as abandoned and
        // rewrite the manifest without the first's devices.
        return ExclusiveFileLock.holding(folder.resolve(LOCK_FILE),
                () -> reporter.info("Waiting for another run that is issuing into " + folder),
                channel -> runLocked(folder, requests));
    }

    private BatchResult runLocked(Path folder, List<DeviceRequest> requests) throws IOException {
        int abandoned = SecureFiles.deleteAbandoned(folder);
        if (abandoned > 0) {
            reporter.info("Removed " + abandoned + " temporary file(s) left by an interrupted run in " + folder);
        }
        DeviceFiles files = new DeviceFiles(folder, ca);
        Set<String> requested = requests.stream().map(DeviceRequest::id).collect(Collectors.toSet());
        ExecutorService workers = Executors.newFixedThreadPool(options.threads());
        try {
            List<DeviceRecord> kept = new ArrayList<>();
            List<DeviceRequest> missing = new ArrayList<>();
            List<Optional<DeviceRecord>> found = runAll(workers, requests,
                    r -> options.force() ? Optional.empty() : files.existing(r));
            for (int i = 0; i < requests.size(); i++) {
                if (found.get(i).isPresent()) {
                    kept.add(found.get(i).get());
                } else {
                    missing.add(requests.get(i));
                }
            }
            if (!kept.isEmpty()) {
                reporter.info("Keeping " + kept.size() + " existing device(s); issuing " + missing.size());
            }
            long orphanKeys = missing.stream().filter(files::hasKeyWithoutCertificate).count();
            if (orphanKeys > 0) {
                // Never reused: no certificate, manifest or bundle ever vouched for such a key.
                reporter.info(orphanKeys + " device(s) have a key but no certificate (an interrupted run); they are"
                        + " issued again with new keys");
            }
            List<DeviceRecord> others = Manifest.readOrEmpty(folder).stillPresent(folder, requested);
            List<DeviceRecord> issued = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            RuntimeException issueFailure = null;
            try {
                issue(workers, files, missing, issued);
            } catch (RuntimeException e) {
                issueFailure = e;
            }
            List<DeviceRecord> all = new ArrayList<>(others);
            all.addAll(kept);
            all.addAll(issued);
            try {
                writeManifest(folder, all);
            } catch (IOException e) {
                // A full disk fails both: the manifest's message says what to do, the device failure stays for -X.
                if (issueFailure != null) {
                    e.addSuppressed(issueFailure);
                }
                throw e;
            }
            if (issueFailure != null) {
                throw issueFailure;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new BatchResult(List.copyOf(issued), kept, Manifest.readOrEmpty(folder),
                    folder.resolve(Manifest.JSON), seconds);
        } finally {
            workers.shutdownNow();
        }
    }

    private void issue(ExecutorService workers, DeviceFiles files, List<DeviceRequest> missing,
                       List<DeviceRecord> issued) {
        Progress progress = new Progress(missing.size(), reporter);
        AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
        AtomicReference<String> failedDevice = new AtomicReference<>();
        runAll(workers, missing, request -> {
            if (firstFailure.get() != null) {
                return null;
            }
            try {
                issued.add(files.issue(request, options.keyAlgorithm(), options.validityDays()));
                progress.completed();
            } catch (IOException | RuntimeException e) {
                RuntimeException failure = e instanceof IOException io ? new UncheckedIOException(io)
                        : (RuntimeException) e;
                if (firstFailure.compareAndSet(null, failure)) {
                    failedDevice.set(request.id());
                }
            }
            return null;
        });
        RuntimeException failure = firstFailure.get();
        if (failure != null) {
            if (failure instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new BatchFailedException("Issuing device " + failedDevice.get() + " failed ("
                    + failure.getMessage() + "); " + issued.size() + " of " + missing.size()
                    + " missing devices were issued and are listed in the manifest; rerun to add the rest",
                    failure);
        }
        progress.finished();
    }

    private void writeManifest(Path folder, List<DeviceRecord> devices) throws IOException {
        new Manifest(CertificateIds.of(ca.certificate()), Certificates.subject(ca.certificate()), devices)
                .write(folder);
    }

    /** Runs one task per item on the workers and returns the results in item order, rethrowing the first error. */
    private static <T, R> List<R> runAll(ExecutorService workers, List<T> items, Task<T, R> task) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(workers.submit(() -> task.run(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while issuing devices", e);
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(false));
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof IOException io) {
                    throw new UncheckedIOException(io);
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return results;
    }

    @FunctionalInterface
    private interface Task<T, R> {
        R run(T item) throws IOException;
    }
}
