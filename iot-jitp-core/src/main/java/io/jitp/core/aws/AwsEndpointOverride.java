package io.jitp.core.aws;

import io.jitp.core.emulator.StandInEndpoints;
import io.jitp.core.pki.Pem;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Points the {@code aws} target at other endpoints while keeping everything else of that code path (credential
 * chain, STS account lookup, DescribeEndpoint): how the {@code aws} path is tested against the stand-in.
 *
 * @param controlPlane   IoT, STS and CloudFormation endpoint
 * @param sqs            SQS endpoint
 * @param mqttPort       MQTT port (DescribeEndpoint gives no port)
 * @param trustAnchors   roots trusted for the MQTT endpoint instead of Amazon's
 * @param mqttAlpnPort   MQTT port with ALPN {@code x-amzn-mqtt-ca} (instead of 443), or -1 for none
 */
public record AwsEndpointOverride(URI controlPlane, URI sqs, int mqttPort, List<X509Certificate> trustAnchors,
                                  int mqttAlpnPort) {

    /**
     * @param endpoints a running stand-in
     * @return an override sending every call to it
     * @throws IOException if its root CA cannot be read
     */
    public static AwsEndpointOverride of(StandInEndpoints endpoints) throws IOException {
        return new AwsEndpointOverride(endpoints.controlPlaneUrl(), endpoints.sqsEndpoint(), endpoints.mqttPort(),
                Pem.readCertificates(endpoints.rootCaPemPath()), endpoints.alpnPort());
    }
}
