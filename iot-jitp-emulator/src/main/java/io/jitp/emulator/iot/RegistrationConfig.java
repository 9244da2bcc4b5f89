package io.jitp.emulator.iot;

/**
 * A CA's JITP configuration: the provisioning template run on a device's first connection, and the role AWS
 * would assume to run it.
 *
 * @param templateBody the provisioning template (JSON), or null
 * @param roleArn the provisioning role ARN, or null
 * @param templateName a named fleet provisioning template, or null
 */
public record RegistrationConfig(String templateBody, String roleArn, String templateName) {
}
