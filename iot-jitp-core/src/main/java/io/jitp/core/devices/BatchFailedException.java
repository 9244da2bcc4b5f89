package io.jitp.core.devices;

/**
 * Issuing stopped on an unexpected error (disk full, permissions). The devices issued before it are complete and
 * listed in the manifest; no half-written file is left, so a rerun adds the rest.
 */
public final class BatchFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BatchFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
