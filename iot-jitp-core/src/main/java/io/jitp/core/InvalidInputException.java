package io.jitp.core;

/**
 * A problem the user can fix: a missing or corrupt file, a bad parameter value, an unusable CA. The message names the
 * file or value and says what to do; build tools report it as a user mistake rather than as an internal failure.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the file or value, and the fix */
    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file or value, and the fix
     * @param cause the low-level error that revealed the problem
     */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
