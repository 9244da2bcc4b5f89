package io.jitp.core;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Files and folders the user names: a missing file, a folder where a file belongs, a file where a folder belongs or
 * a path under a regular file become {@link InvalidInputException}s naming the path, instead of low-level I/O errors
 * that a build would report as internal failures.
 */
public final class UserPaths {
    private UserPaths() {
    }

    /**
     * @param file    a file the user named
     * @param charset its encoding
     * @param what    what it should hold, e.g. {@code certificate file}, for the message
     * @return its text
     * @throws InvalidInputException if it is missing, a folder, or under something that is not a folder
     * @throws IOException           for other read errors (a failing disk)
     */
    public static String readText(Path file, Charset charset, String what) throws IOException {
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("The " + what + " " + file + " is a folder, not a file; name the file"
                    + " itself");
        }
        try {
            return Files.readString(file, charset);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("The " + what + " " + file + " does not exist", e);
        } catch (FileSystemException e) {
            throw new InvalidInputException("The " + what + " " + file + " cannot be read (" + reason(e) + ")", e);
        }
    }

    /**
     * @param folder a folder to create if needed
     * @param what   what it is for, e.g. {@code output folder}, for the message
     * @throws InvalidInputException if a file, or a file higher up the path, is in the way
     * @throws IOException           for other errors (a failing disk)
     */
    public static void createFolder(Path folder, String what) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (FileSystemException e) {
            throw new InvalidInputException("Cannot create the " + what + " " + folder + " (" + reason(e)
                    + "): a file is in the way; move it or choose another folder", e);
        }
    }

    // The exception's own "path: reason": Maven appends a cause's message unless the failure's message holds it.
    private static String reason(FileSystemException e) {
        return e.getMessage();
    }
}
