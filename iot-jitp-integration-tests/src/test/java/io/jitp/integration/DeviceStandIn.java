package io.jitp.integration;

import io.jitp.core.Reporter;
import io.jitp.core.aws.AwsClients;
import io.jitp.core.aws.AwsConnection;
import io.jitp.core.aws.AwsConnections;
import io.jitp.core.emulator.StandInEndpoints;
import io.jitp.core.devices.BatchOptions;
import io.jitp.core.devices.BatchResult;
import io.jitp.core.devices.DeviceBatch;
import io.jitp.core.devices.DeviceSources;
import io.jitp.core.mqtt.MqttEndpoint;
import io.jitp.core.mqtt.MqttVersion;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;
import io.jitp.emulator.EmulatorConfig;
import io.jitp.emulator.EmulatorServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Comparator;

import software.amazon.awssdk.services.iot.IotClient;

/**
 * An in-process stand-in with the broker on loopback ports (the ALPN listener too), reached as the goals reach it
 * ({@link AwsConnections#local}, {@link AwsClients}); the seed's {@code IoTAccess} policy; helpers to register a CA
 * with a JITP template and issue devices with the core's own batch code.
 */
final class DeviceStandIn implements AutoCloseable {
    /** The seed's IoTAccess policy, as its CloudFormation template writes it. */
    static final String SEED_POLICY = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":"iot:Connect","Resource":"arn:aws:iot:*:*:client/${iot:Certificate.Subject.CommonName}"},
             {"Effect":"Allow","Action":["iot:Subscribe","iot:Receive"],"Resource":"*"},
             {"Effect":"Allow","Action":"iot:Publish","Resource":"arn:aws:iot:*:*:topic/${iot:Certificate.Subject.CommonName}"}]}""";
    /** The seed's JITP template with the policy name left open. */
    private static final String TEMPLATE = """
            {"Parameters": {"AWS::IoT::Certificate::CommonName": {"Type": "String"},
                            "AWS::IoT::Certificate::Id": {"Type": "String"}},
             "Resources": {
               "thing": {"Type": "AWS::IoT::Thing", "Properties": {
                 "ThingName": {"Ref": "AWS::IoT::Certificate::CommonName"}, "AttributePayload": {}}},
               "certificate": {"Type": "AWS::IoT::Certificate", "Properties": {
                 "CertificateId": {"Ref": "AWS::IoT::Certificate::Id"}, "Status": "ACTIVE"}},
               "policy": {"Type": "AWS::IoT::Policy", "Properties": {"PolicyName": "%s"}}}}""";

    /** Replaced by {@link #stop()} and {@link #startAgain()}. */
    volatile EmulatorServer server;
    final StandInEndpoints endpoints;
    final AwsConnection connection;
    final AwsClients clients;
    final IotClient iot;
    final int alpnPort;

    private DeviceStandIn(EmulatorServer server, int alpnPort) throws IOException {
        this.server = server;
        this.alpnPort = alpnPort;
        this.endpoints = StandInEndpoints.read(server.config().stateDirectory()).orElseThrow();
        this.connection = AwsConnections.local(endpoints);
        this.clients = new AwsClients(connection);
        this.iot = clients.iot();
    }

    /**
     * @param state a temporary state directory
     * @return a started stand-in with the IoTAccess policy created
     */
    static DeviceStandIn start(Path state) throws IOException {
        int alpnPort = freePort();
        EmulatorServer server = EmulatorServer.withDefaultComponents(EmulatorConfig.builder(state)
                .secretAccessKey("integration-test-secret").alpnPort(alpnPort).build());
        server.start();
        DeviceStandIn fixture = new DeviceStandIn(server, alpnPort);
        fixture.iot.createPolicy(r -> r.policyName("IoTAccess").policyDocument(SEED_POLICY));
        return fixture;
    }

    private static int freePort() throws IOException {
        // The stand-in does not publish its ALPN port in endpoints.json; pick one that was free a moment ago.
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** @return the MQTT 5 endpoint on the plain TLS port, from the connection as the goals build it */
    MqttEndpoint mqtt() {
        return new MqttEndpoint(connection.mqttHost(), connection.mqttPort(), false, connection.mqttTrustAnchors(),
                MqttVersion.V5, Duration.ofSeconds(10));
    }

    /**
     * Registers a new CA whose JITP template attaches {@code policyName}.
     *
     * @param name       CA common name
     * @param policyName the policy the template attaches
     * @return the CA
     */
    CertificateAuthority registerCa(String name, String policyName) {
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName(name),
                KeyAlgorithm.EC_P256, 30);
        String code = iot.getRegistrationCode().registrationCode();
        X509Certificate verification = ca.issueDeviceCertificate(KeyAlgorithm.EC_P256.generate().getPublic(),
                SubjectProfile.ofCommonName(code), 30);
        iot.registerCACertificate(r -> r.caCertificate(ca.certificatePem())
                .verificationCertificate(Pem.encode(verification)).setAsActive(true).allowAutoRegistration(true)
                .registrationConfig(c -> c.templateBody(String.format(TEMPLATE, policyName))
                        .roleArn("arn:aws:iam::" + endpoints.accountId() + ":role/IoTProvisioning")));
        return ca;
    }

    /**
     * Issues numbered devices with the core's batch code (as provision-devices does), manifest included.
     *
     * @return the batch result
     */
    static BatchResult issue(CertificateAuthority ca, Path folder, String prefix, int count) throws IOException {
        return new DeviceBatch(ca, new BatchOptions(folder, KeyAlgorithm.EC_P256, 30, 2, false), Reporter.silent())
                .run(DeviceSources.numbered(prefix, count, SubjectProfile.empty()));
    }

    /** Stops the stand-in, keeping its state directory, as a killed process would leave it. */
    void stop() {
        server.close();
    }

    /** Starts a new stand-in on the same ports and state directory, as a restarted process would. */
    void startAgain() throws IOException {
        server = startedOnTheSamePorts(server.config(), endpoints);
    }

    /**
     * @param config    the stopped stand-in's configuration (its state directory)
     * @param endpoints the ports it listened on
     * @return a new stand-in on those ports and that state directory, started
     * @throws IOException if it cannot start
     */
    static EmulatorServer startedOnTheSamePorts(EmulatorConfig config, StandInEndpoints endpoints)
            throws IOException {
        EmulatorServer again = EmulatorServer.withDefaultComponents(config.toBuilder()
                .httpPort(endpoints.controlPlaneUrl().getPort()).mqttPort(endpoints.mqttPort()).build());
        again.start();
        return again;
    }

    @Override
    public void close() throws IOException {
        clients.close();
        server.close();
        try (var files = Files.walk(server.config().stateDirectory())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
