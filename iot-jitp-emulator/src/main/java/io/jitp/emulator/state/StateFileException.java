package io.jitp.emulator.state;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A state file that exists but cannot be read back. The stand-in refuses to start rather than silently
 * starting empty, because that would make registered CAs, things and policies vanish between two runs.
 */
public final class StateFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file the unreadable file, named in the message
     * @param cause what went wrong while reading it
     */
    public StateFileException(Path file, Throwable cause) {
        super("State file " + file.toAbsolutePath() + " is corrupt and cannot be read ("
                + oneLine(cause.getMessage()) + "). Fix or remove it (removing it forgets the state it held), then start the stand-in again.",
                cause);
        this.file = file;
    }

    /** @return the unreadable file */
    public Path file() {
        return file;
    }

    /** Parser messages span lines (Jackson adds the location on a second one); the stand-in reports one line. */
    private static String oneLine(String message) {
        return message == null ? "no detail" : message.replaceAll("\\s*\\R\\s*", " ");
    }
}
