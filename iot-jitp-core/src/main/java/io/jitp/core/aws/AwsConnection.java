package io.jitp.core.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Everything a goal needs to reach AWS IoT Core or the stand-in: one code path, only these values differ.
 *
 * @param target                 where the calls go
 * @param region                 the signing region
 * @param accountId              the 12-digit account id (shown first so nobody provisions the wrong account)
 * @param credentials            the credentials calls are signed with
 * @param controlPlaneEndpoint   the IoT control-plane endpoint, or null for AWS's default
 * @param cloudFormationEndpoint the CloudFormation endpoint, or null for AWS's default
 * @param sqsEndpoint            the SQS endpoint, or null for AWS's default
 * @param mqttHost               the MQTT data endpoint host (AWS's {@code iot:Data-ATS})
 * @param mqttPort               the MQTT-over-TLS port (8883 on AWS)
 * @param mqttTrustAnchors       the roots a device trusts for the data endpoint (Amazon Root CA 1-4 on AWS)
 */
public record AwsConnection(Target target, String region, String accountId, AwsCredentialsProvider credentials,
                            URI controlPlaneEndpoint, URI cloudFormationEndpoint, URI sqsEndpoint, String mqttHost,
                            int mqttPort, List<X509Certificate> mqttTrustAnchors) {

    /** Copies the trust anchors. */
    public AwsConnection {
        mqttTrustAnchors = List.copyOf(mqttTrustAnchors);
    }

    /**
     * @return the first line every AWS-facing goal logs, e.g. {@code Target: local stand-in at http://127.0.0.1:4123,
     * region us-east-1, account 123456789012}
     */
    public String describe() {
        String where = switch (target) {
            case LOCAL -> "local stand-in at " + controlPlaneEndpoint;
            case AWS -> controlPlaneEndpoint == null ? "AWS" : "AWS (endpoints overridden: " + controlPlaneEndpoint
                    + ")";
        };
        return "Target: " + where + ", region " + region + ", account " + accountId + ", MQTT " + mqttHost + ":"
                + mqttPort;
    }

    /** @return the credentials are never part of the text */
    @Override
    public String toString() {
        return describe();
    }
}
