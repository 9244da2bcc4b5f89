package io.jitp.maven;

import io.jitp.core.stacks.StackResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where register-ca's {@code roleArn} comes from when {@code iot.roleArn} is not set: the {@code ProvisioningRoleArn}
 * output of a stack deploy-stack recorded (the newest), else the seed's {@code arn:aws:iam::<account>:role/IoTProvisioning}.
 */
final class RoleArns {
    /** The output of the bundled jitp-provisioning stack holding the role. */
    static final String OUTPUT = "ProvisioningRoleArn";

    private RoleArns() {
    }

    /**
     * @param stacksFolder where deploy-stack writes {@code <stack>.json}
     * @return the role from the newest stack file that has one, with the file it came from
     * @throws IOException if a stack file cannot be read
     */
    static Optional<Found> fromStacks(Path stacksFolder) throws IOException {
        if (!Files.isDirectory(stacksFolder)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(stacksFolder)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(RoleArns::modified).reversed()).toList();
        }
        for (Path file : files) {
            String role = StackResult.readOutputs(file).get(OUTPUT);
            if (role != null) {
                return Optional.of(new Found(role, file));
            }
        }
        return Optional.empty();
    }

    /**
     * A role found in a stack file.
     *
     * @param roleArn the role
     * @param file    the stack file it came from
     */
    record Found(String roleArn, Path file) {
    }

    /**
     * @param accountId the account
     * @return the role the seed used
     */
    static String seedDefault(String accountId) {
        return "arn:aws:iam::" + accountId + ":role/IoTProvisioning";
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
