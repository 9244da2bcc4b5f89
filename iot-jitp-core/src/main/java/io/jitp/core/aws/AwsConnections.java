package io.jitp.core.aws;

import io.jitp.core.InvalidInputException;
import io.jitp.core.emulator.StandInEndpoints;
import io.jitp.core.pki.Pem;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

/** Builds the {@link AwsConnection} of each {@link Target}. */
public final class AwsConnections {
    /** AWS IoT's MQTT-over-TLS port (DescribeEndpoint returns only a host). */
    public static final int AWS_MQTT_PORT = 8883;

    private static final String AMAZON_ROOTS = "amazon-root-cas.pem";

    private AwsConnections() {
    }

    /**
     * @param endpoints a running stand-in
     * @return a connection to it, signed with its credentials
     * @throws IOException if its root CA cannot be read
     */
    public static AwsConnection local(StandInEndpoints endpoints) throws IOException {
        return new AwsConnection(Target.LOCAL, endpoints.region(), endpoints.accountId(),
                staticCredentials(endpoints.accessKeyId(), endpoints.secretAccessKey()),
                endpoints.controlPlaneUrl(), endpoints.controlPlaneUrl(), endpoints.sqsEndpoint(),
                endpoints.mqttHost(), endpoints.mqttPort(), Pem.readCertificates(endpoints.rootCaPemPath()),
                endpoints.alpnPort());
    }

    /**
     * Connects to a real AWS account: asks STS whose credentials these are (the account id) and DescribeEndpoint
     * for the account's {@code iot:Data-ATS} host.
     *
     * @param region      the region, or null for the SDK's chain ({@code AWS_REGION}, the profile's region)
     * @param profile     the profile the region is read from when none is given, or null
     * @param credentials the credentials (see {@link #credentials})
     * @param override    other endpoints (tests), or null for AWS's own
     * @return the connection
     * @throws InvalidInputException if no region is configured or the credentials are missing or refused
     */
    public static AwsConnection aws(String region, String profile, AwsCredentialsProvider credentials,
                                    AwsEndpointOverride override) {
        String resolvedRegion = region != null && !region.isBlank() ? region.trim() : defaultRegion(profile);
        AwsConnection partial = new AwsConnection(Target.AWS, resolvedRegion, "unknown", credentials,
                override == null ? null : override.controlPlane(), null, null, "unknown", 0, List.of());
        try (SdkHttpClient http = Apache5HttpClient.create()) {
            String account;
            try (StsClient sts = AwsClients.sts(http, partial, partial.controlPlaneEndpoint())) {
                account = sts.getCallerIdentity().account();
            }
            String host;
            try (IotClient iot = AwsClients.configure(IotClient.builder(), http, partial,
                    partial.controlPlaneEndpoint()).build()) {
                host = iot.describeEndpoint(r -> r.endpointType("iot:Data-ATS")).endpointAddress();
            }
            return new AwsConnection(Target.AWS, resolvedRegion, account, credentials,
                    partial.controlPlaneEndpoint(), partial.controlPlaneEndpoint(),
                    override == null ? null : override.sqs(), host,
                    override == null ? AWS_MQTT_PORT : override.mqttPort(),
                    override == null ? amazonRootCas() : override.trustAnchors(),
                    override == null ? AwsConnection.AWS_ALPN_PORT : override.mqttAlpnPort());
        } catch (SdkClientException e) {
            if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("credentials")) {
                throw new InvalidInputException("Cannot reach AWS in " + resolvedRegion + ": " + e.getMessage()
                        + "; check the network and proxy settings, or use the stand-in (-Diot.target=local)", e);
            }
            throw new InvalidInputException("Cannot use the AWS credentials: " + e.getMessage() + "; configure"
                    + " them (aws configure, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, -Diot.profile=<profile>, or a"
                    + " settings.xml <server> named by -Diot.serverId)", e);
        } catch (SdkException e) {
            throw new InvalidInputException("AWS refused the credentials in region " + resolvedRegion + ": "
                    + e.getMessage() + "; check the profile, keys and region (-Diot.region)", e);
        }
    }

    /**
     * @param accessKeyId     access key id
     * @param secretAccessKey secret access key
     * @return fixed credentials
     */
    public static AwsCredentialsProvider staticCredentials(String accessKeyId, String secretAccessKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    /**
     * @param profile a profile of {@code ~/.aws/credentials} / {@code ~/.aws/config}, or null
     * @return that profile's credentials, or the SDK's default chain (environment, system properties, the default
     * profile, web identity, container and instance roles)
     */
    public static AwsCredentialsProvider credentials(String profile) {
        return profile == null || profile.isBlank() ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(profile.trim());
    }

    /** @return Amazon Root CA 1 to 4, bundled, which AWS IoT's ATS endpoints chain to */
    public static List<X509Certificate> amazonRootCas() {
        try (InputStream in = AwsConnections.class.getResourceAsStream(AMAZON_ROOTS)) {
            if (in == null) {
                throw new IllegalStateException(AMAZON_ROOTS + " is missing from the core jar");
            }
            return Pem.parseCertificates(new String(in.readAllBytes(), StandardCharsets.US_ASCII), AMAZON_ROOTS);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the bundled " + AMAZON_ROOTS, e);
        }
    }

    private static String defaultRegion(String profile) {
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            if (profile != null && !profile.isBlank()) {
                chain.profileName(profile.trim());
            }
            return chain.build().getRegion().id();
        } catch (SdkClientException e) {
            throw new InvalidInputException("No AWS region is configured; set one with -Diot.region=eu-west-1, the"
                    + " AWS_REGION environment variable or region in ~/.aws/config", e);
        }
    }
}
