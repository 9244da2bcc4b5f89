package io.jitp.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jitp.core.InvalidInputException;
import io.jitp.core.emulator.StandInEndpoints;
import io.jitp.core.pki.SecureFiles;
import io.jitp.emulator.state.StateFileException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a client needs to reach a running stand-in. Written atomically as {@value #FILE_NAME} in the state
 * directory once the stand-in is ready (the readiness signal), removed when it stops.
 *
 * @param controlPlaneUrl the IoT REST / CloudFormation endpoint ({@code --endpoint-url})
 * @param mqttHost the host devices connect to (what DescribeEndpoint returns)
 * @param mqttPort the MQTT-over-TLS port, or 0 when no broker runs
 * @param rootCaPemPath the root CA devices trust (the stand-in's AmazonRootCA1)
 * @param region the region to sign with
 * @param accountId the account id
 * @param accessKeyId the access key id to sign with
 * @param secretAccessKey the secret access key to sign with
 * @param sqsEndpoint the SQS endpoint, or null when no queue service runs
 * @param alpnPort the port of the MQTT listener that requires ALPN {@code x-amzn-mqtt-ca} (AWS's 443), or -1
 * @param pid the stand-in's process id, to stop it with a signal
 */
public record EmulatorEndpoints(URI controlPlaneUrl, String mqttHost, int mqttPort, Path rootCaPemPath,
        String region, String accountId, String accessKeyId, String secretAccessKey, URI sqsEndpoint, int alpnPort,
        long pid) {

    /** Name of the readiness file in the state directory. */
    public static final String FILE_NAME = StandInEndpoints.FILE_NAME;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return a text for humans; the secret itself stays in the file */
    public String describe() {
        return "Control plane (IoT, CloudFormation): " + controlPlaneUrl + "\n"
                + "MQTT over TLS:                       " + mqttHost + ":" + mqttPort + "\n"
                + (alpnPort < 0 ? "" : "MQTT with ALPN x-amzn-mqtt-ca (443): " + mqttHost + ":" + alpnPort + "\n")
                + (sqsEndpoint == null ? "" : "SQS:                                 " + sqsEndpoint + "\n")
                + "Root CA to trust:                    " + rootCaPemPath + "\n"
                + "Region / account:                    " + region + " / " + accountId + "\n"
                + "Credentials:                         AWS_ACCESS_KEY_ID=" + accessKeyId
                + ", AWS_SECRET_ACCESS_KEY = field secretAccessKey of " + FILE_NAME;
    }

    /**
     * Writes the readiness file (mode 0600: it holds the secret).
     *
     * @param stateDirectory the state directory
     * @throws IOException if it cannot be written
     */
    public void write(Path stateDirectory) throws IOException {
        ObjectNode node = JSON.createObjectNode()
                .put("controlPlaneUrl", controlPlaneUrl.toString())
                .put("mqttHost", mqttHost)
                .put("mqttPort", mqttPort)
                .put("rootCaPemPath", rootCaPemPath.toAbsolutePath().toString())
                .put("region", region)
                .put("accountId", accountId)
                .put("accessKeyId", accessKeyId)
                .put("secretAccessKey", secretAccessKey)
                .put("sqsEndpoint", sqsEndpoint == null ? null : sqsEndpoint.toString())
                .put("alpnPort", alpnPort)
                .put("pid", pid);
        Path file = stateDirectory.resolve(FILE_NAME);
        SecureFiles.commit(SecureFiles.prepare(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node),
                true), file);
    }

    /**
     * @param stateDirectory a state directory
     * @return the endpoints of the stand-in running there, or empty when none is ready
     * @throws StateFileException if the file is unreadable
     * @throws IOException if it cannot be read
     */
    public static Optional<EmulatorEndpoints> read(Path stateDirectory) throws IOException {
        try {
            // One reader of the file format: the core's, which the plugin uses too.
            return StandInEndpoints.read(stateDirectory).map(e -> new EmulatorEndpoints(e.controlPlaneUrl(),
                    e.mqttHost(), e.mqttPort(), e.rootCaPemPath(), e.region(), e.accountId(), e.accessKeyId(),
                    e.secretAccessKey(), e.sqsEndpoint(), e.alpnPort(), e.pid()));
        } catch (InvalidInputException e) {
            throw new StateFileException(stateDirectory.resolve(FILE_NAME), e.getCause());
        }
    }

    @Override
    public String toString() {
        return "EmulatorEndpoints[" + controlPlaneUrl + ", mqtt " + mqttHost + ":" + mqttPort + "]";
    }
}
