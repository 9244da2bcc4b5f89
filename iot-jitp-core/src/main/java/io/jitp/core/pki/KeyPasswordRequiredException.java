package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import java.nio.file.Path;

/** A private key file is encrypted but no password was given, or the given password does not open it. */
public final class KeyPasswordRequiredException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    KeyPasswordRequiredException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** @return the encrypted key file */
    public Path file() {
        return file;
    }
}
