package io.jitp.emulator.iot;

import java.time.Instant;

/**
 * One version of an IoT policy.
 *
 * @param versionId "1", "2", … never reused within a policy
 * @param document the policy document (JSON)
 * @param createDate when the version was created
 */
public record PolicyVersion(String versionId, String document, Instant createDate) {
}
