package io.jitp.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.stacks.StackResult;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/** Where register-ca finds its role when iot.roleArn is not set. */
class RoleArnsTest {
    @TempDir
    Path stacks;

    private Path stack(String name, Map<String, String> outputs, long modifiedMillis) throws Exception {
        Path file = stacks.resolve(name + ".json");
        new StackResult(name, "id-" + name, "CREATE_COMPLETE", outputs, true).write(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
        return file;
    }

    @Test
    void takesTheNewestStackThatHasAProvisioningRole() throws Exception {
        stack("old", Map.of(RoleArns.OUTPUT, "arn:aws:iam::1:role/Old"), 1_000);
        Path newest = stack("new", Map.of(RoleArns.OUTPUT, "arn:aws:iam::1:role/New"), 2_000);
        stack("queue", Map.of("QueueName", "q"), 3_000);
        RoleArns.Found found = RoleArns.fromStacks(stacks).orElseThrow();
        assertEquals("arn:aws:iam::1:role/New", found.roleArn());
        assertEquals(newest, found.file());
    }

    @Test
    void findsNothingWithoutStacksAndFallsBackToTheSeedsRole() throws Exception {
        assertTrue(RoleArns.fromStacks(stacks.resolve("missing")).isEmpty());
        stack("queue", Map.of("QueueName", "q"), 1_000);
        assertTrue(RoleArns.fromStacks(stacks).isEmpty());
        assertEquals("arn:aws:iam::123456789012:role/IoTProvisioning", RoleArns.seedDefault("123456789012"));
    }
}
