package io.jitp.core.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jitp.core.InvalidInputException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A running stand-in's {@code endpoints.json}, read without depending on the stand-in's own classes (the stand-in
 * depends on the core, not the other way round). Field names are the stand-in's documented file format.
 *
 * @param controlPlaneUrl the IoT REST / CloudFormation endpoint
 * @param mqttHost        the host devices connect to
 * @param mqttPort        the MQTT-over-TLS port
 * @param rootCaPemPath   the root CA devices trust
 * @param region          the region to sign with
 * @param accountId       the account id
 * @param accessKeyId     the access key id to sign with
 * @param secretAccessKey the secret access key (never log it)
 * @param sqsEndpoint     the SQS endpoint, or null
 * @param alpnPort        the port of the MQTT listener that requires ALPN {@code x-amzn-mqtt-ca} (AWS's 443
 *                        variant), or -1 when the stand-in runs none
 * @param pid             the stand-in's process id
 */
public record StandInEndpoints(URI controlPlaneUrl, String mqttHost, int mqttPort, Path rootCaPemPath, String region,
                               String accountId, String accessKeyId, String secretAccessKey, URI sqsEndpoint,
                               int alpnPort, long pid) {

    /** Name of the readiness file in the state directory. */
    public static final String FILE_NAME = "endpoints.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param stateDirectory a stand-in state directory
     * @return the endpoints written there, or empty when no stand-in is ready (the file is absent)
     * @throws IOException           if the file cannot be read
     * @throws InvalidInputException if the file is not a stand-in's endpoints file
     */
    public static Optional<StandInEndpoints> read(Path stateDirectory) throws IOException {
        Path file = stateDirectory.resolve(FILE_NAME);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(content);
            String sqs = node.path("sqsEndpoint").isTextual() ? node.get("sqsEndpoint").asText() : null;
            return Optional.of(new StandInEndpoints(URI.create(node.get("controlPlaneUrl").asText()),
                    node.get("mqttHost").asText(), node.get("mqttPort").asInt(),
                    Path.of(node.get("rootCaPemPath").asText()), node.get("region").asText(),
                    node.get("accountId").asText(), node.get("accessKeyId").asText(),
                    node.get("secretAccessKey").asText(), sqs == null ? null : URI.create(sqs),
                    node.path("alpnPort").asInt(-1), node.path("pid").asLong()));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException(file + " is not a stand-in endpoints file (" + e + "); stop the stand-in"
                    + " with mvn iot:emulator-stop and delete the file", e);
        }
    }

    /** @return the secret is never part of the text */
    @Override
    public String toString() {
        return "StandInEndpoints[" + controlPlaneUrl + ", mqtt " + mqttHost + ":" + mqttPort + ", pid " + pid + "]";
    }
}
