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
 * @param mqttAlpnPort           the port for MQTT with ALPN {@code x-amzn-mqtt-ca} (443 on AWS), or -1 when there is
 *                               none
 */
public record AwsConnection(Target target, String region, String accountId, AwsCredentialsProvider credentials,
                            URI controlPlaneEndpoint, URI cloudFormationEndpoint, URI sqsEndpoint, String mqttHost,
                            int mqttPort, List<X509Certificate> mqttTrustAnchors, int mqttAlpnPort) {

    /** AWS IoT's port for MQTT with ALPN {@code x-amzn-mqtt-ca}. */
    public static final int AWS_ALPN_PORT = 443;

    /** Copies the trust anchors. */
    public AwsConnection {
        mqttTrustAnchors = List.copyOf(mqttTrustAnchors);
    }

    /**
     * A connection whose ALPN port is AWS's 443 (target AWS) or unknown (target LOCAL).
     *
     * @see #AwsConnection(Target, String, String, AwsCredentialsProvider, URI, URI, URI, String, int, List, int)
     */
    public AwsConnection(Target target, String region, String accountId, AwsCredentialsProvider credentials,
                         URI controlPlaneEndpoint, URI cloudFormationEndpoint, URI sqsEndpoint, String mqttHost,
                         int mqttPort, List<X509Certificate> mqttTrustAnchors) {
        this(target, region, accountId, credentials, controlPlaneEndpoint, cloudFormationEndpoint, sqsEndpoint,
                mqttHost, mqttPort, mqttTrustAnchors, target == Target.AWS ? AWS_ALPN_PORT : -1);
    }

    /**
     * @param alpn whether the device offers ALPN {@code x-amzn-mqtt-ca}
     * @return the port to connect to: {@link #mqttAlpnPort()} with ALPN, {@link #mqttPort()} without
     * @throws IllegalStateException with ALPN when the target has no ALPN listener (a stand-in started with
     *                               {@code --alpn-port -1})
     */
    public int mqttPort(boolean alpn) {
        if (!alpn) {
            return mqttPort;
        }
        if (mqttAlpnPort < 0) {
            throw new IllegalStateException("The stand-in runs no MQTT listener with ALPN x-amzn-mqtt-ca: restart it"
                    + " without --alpn-port -1, or set the MQTT port explicitly");
        }
        return mqttAlpnPort;
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
