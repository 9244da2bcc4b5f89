package io.jitp.emulator.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Debian AWS CLI v2 ({@code /usr/bin/aws}) against the stand-in: a client nobody here wrote. Credentials
 * come from the environment, never the command line, and {@code HOME} is a temporary folder so the user's own
 * {@code ~/.aws} is neither read nor written.
 */
public final class AwsCli {

    /** The CLI v2 from the Debian package; the pyenv {@code aws} earlier on PATH may be v1. */
    public static final Path EXECUTABLE = Path.of("/usr/bin/aws");

    private final Path home;
    private final Map<String, String> environment;

    /** Skips the calling test, with a visible notice, when the CLI is absent. */
    public static AwsCli requireInstalled(Path home, String region, String accessKeyId, String secretAccessKey) {
        assumeTrue(Files.isExecutable(EXECUTABLE), "SKIPPED: " + EXECUTABLE + " (AWS CLI v2, Debian package awscli) is not installed");
        return new AwsCli(home, Map.of("AWS_ACCESS_KEY_ID", accessKeyId, "AWS_SECRET_ACCESS_KEY", secretAccessKey,
                "AWS_DEFAULT_REGION", region, "AWS_PAGER", "", "AWS_EC2_METADATA_DISABLED", "true"));
    }

    private AwsCli(Path home, Map<String, String> environment) {
        this.home = home;
        this.environment = environment;
    }

    /** The outcome of one CLI run. */
    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    /** Runs {@code aws --endpoint-url <endpoint> <arguments…>} and waits for it (at most two minutes). */
    public Result run(String endpoint, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "--endpoint-url", endpoint, "--output", "json"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("HOME", home.toString());
        Path out = Files.createTempFile(home, "aws", ".out");
        Path err = Files.createTempFile(home, "aws", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("aws " + String.join(" ", arguments) + " did not finish in 2 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
