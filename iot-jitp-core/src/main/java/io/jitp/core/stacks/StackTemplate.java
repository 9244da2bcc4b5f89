package io.jitp.core.stacks;

import io.jitp.core.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CloudFormation template: one of the bundled ones (written from the seed's stacks) or a user's JSON/YAML file,
 * sent as it is (CloudFormation parses both).
 *
 * @param name the bundled name or the file's base name (the default stack name)
 * @param body the template text
 */
public record StackTemplate(String name, String body) {
    /** The role and device policy JITP needs: IoTProvisioning and IoTAccess. */
    public static final String JITP_PROVISIONING = "jitp-provisioning";
    /** Topic → SQS forwarding with a Lambda logger (parameter TopicName). */
    public static final String SQS_FORWARDING = "sqs-forwarding";
    /** The load test's device policy LoadTestPolicy. */
    public static final String LOADTEST_POLICY = "loadtest-policy";
    /** Every bundled template. */
    public static final List<String> BUNDLED = List.of(JITP_PROVISIONING, SQS_FORWARDING, LOADTEST_POLICY);

    /**
     * @param nameOrFile a bundled template's name, or a template file (relative to {@code baseDirectory})
     * @param baseDirectory where relative files are looked up
     * @return the template
     * @throws IOException           if the file cannot be read
     * @throws InvalidInputException if it is neither a bundled name nor an existing file
     */
    public static StackTemplate resolve(String nameOrFile, Path baseDirectory) throws IOException {
        if (BUNDLED.contains(nameOrFile)) {
            return bundled(nameOrFile);
        }
        Path file = baseDirectory.resolve(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("Stack template '" + nameOrFile + "' is neither a bundled template ("
                    + String.join(", ", BUNDLED) + ") nor an existing file (" + file + ")");
        }
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return new StackTemplate(dot > 0 ? fileName.substring(0, dot) : fileName, Files.readString(file));
    }

    /**
     * @param name one of {@link #BUNDLED}
     * @return that template
     */
    public static StackTemplate bundled(String name) {
        try (InputStream in = StackTemplate.class.getResourceAsStream(name + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("No bundled template " + name);
            }
            return new StackTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled template " + name, e);
        }
    }
}
