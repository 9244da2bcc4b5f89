package io.jitp.core.stacks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jitp.core.pki.SecureFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deployed stack.
 *
 * @param stackName the stack name
 * @param stackId   its id (ARN)
 * @param status    its final status ({@code CREATE_COMPLETE}, {@code UPDATE_COMPLETE}, or the unchanged one)
 * @param outputs   its outputs, key → value
 * @param changed   false when the deployment found no changes
 */
public record StackResult(String stackName, String stackId, String status, Map<String, String> outputs,
                          boolean changed) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the outputs. */
    public StackResult {
        outputs = Map.copyOf(outputs);
    }

    /**
     * Writes the stack as JSON ({@code stackName}, {@code stackId}, {@code status}, {@code outputs}) for later
     * goals, e.g. register-ca reading {@code ProvisioningRoleArn}.
     *
     * @param file the file, e.g. {@code target/iot-jitp/stacks/<stack>.json}
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        ObjectNode node = JSON.createObjectNode().put("stackName", stackName).put("stackId", stackId)
                .put("status", status);
        ObjectNode outputNode = node.putObject("outputs");
        new TreeMap<>(outputs).forEach(outputNode::put);
        SecureFiles.writePublic(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    }

    /**
     * @param file a file written by {@link #write}
     * @return its outputs
     * @throws IOException if it cannot be read
     */
    public static Map<String, String> readOutputs(Path file) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        JSON.readTree(file.toFile()).path("outputs").fields()
                .forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().asText()));
        return outputs;
    }
}
