package io.jitp.core.pki;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs the openssl command line, a peer nobody here wrote; tests using it skip with a notice when it is absent. */
final class Openssl {
    /**
     * @param exitCode the process exit code
     * @param output   stdout and stderr together
     */
    record Result(int exitCode, String output) {
    }

    private Openssl() {
    }

    static void assumeInstalled() {
        boolean present;
        try {
            present = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        Assumptions.assumeTrue(present, "openssl is not installed: interop checks skipped");
    }

    /** Runs openssl with the given arguments in {@code dir}; secrets go through {@code environment}, never argv. */
    static Result run(Path dir, Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(concat(args)).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    static Result run(Path dir, String... args) throws Exception {
        return run(dir, Map.of(), args);
    }

    private static List<String> concat(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        return command;
    }
}
