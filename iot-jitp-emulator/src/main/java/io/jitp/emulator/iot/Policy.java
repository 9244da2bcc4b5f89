package io.jitp.emulator.iot;

import java.time.Instant;
import java.util.List;

/**
 * An IoT policy with its versions (at most five).
 *
 * @param name the policy name
 * @param arn {@code arn:aws:iot:<region>:<account>:policy/<name>}
 * @param versions the versions, oldest first
 * @param defaultVersionId the version in force
 * @param lastVersionNumber the highest version number ever issued, so deleted numbers are not reused
 * @param creationDate when the policy was created
 * @param lastModifiedDate when it last changed
 */
public record Policy(String name, String arn, List<PolicyVersion> versions, String defaultVersionId,
        int lastVersionNumber, Instant creationDate, Instant lastModifiedDate) {

    /** @return the default version */
    public PolicyVersion defaultVersion() {
        return version(defaultVersionId).orElseThrow();
    }

    /** @return the document of the default version, the one the broker enforces */
    public String document() {
        return defaultVersion().document();
    }

    /** @param versionId a version id @return that version, if it exists */
    public java.util.Optional<PolicyVersion> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }
}
