package io.jitp.core.jitp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jitp.core.pki.SecureFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@link CaRegistrar} did.
 *
 * @param certificateId  the CA's certificate id (SHA-256 of its DER encoding)
 * @param certificateArn its ARN
 * @param action         {@code registered}, {@code updated} or {@code unchanged}
 * @param roleArn        the role in its registration config
 * @param mode           {@code DEFAULT} or {@code SNI_ONLY}
 */
public record CaRegistrationResult(String certificateId, String certificateArn, String action, String roleArn,
                                   String mode) {
    /** {@link #action()} of a CA registered now. */
    public static final String REGISTERED = "registered";
    /** {@link #action()} of a registered CA whose status or configuration was brought in line. */
    public static final String UPDATED = "updated";
    /** {@link #action()} of a registered CA that already matched. */
    public static final String UNCHANGED = "unchanged";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Writes the result as JSON, for later goals and CI.
     *
     * @param file      the file, e.g. {@code target/iot-jitp/register-ca/root.json}
     * @param caName    the CA name
     * @param target    where it was registered ({@code LOCAL}/{@code AWS})
     * @param region    the region
     * @param accountId the account
     * @throws IOException if it cannot be written
     */
    public void write(Path file, String caName, String target, String region, String accountId) throws IOException {
        ObjectNode node = JSON.createObjectNode().put("caName", caName).put("certificateId", certificateId)
                .put("certificateArn", certificateArn).put("action", action).put("certificateMode", mode)
                .put("roleArn", roleArn).put("target", target).put("region", region).put("accountId", accountId);
        SecureFiles.writePublic(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
    }
}
