package io.jitp.emulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.emulator.iot.CertificateStatus;
import io.jitp.emulator.iot.SqsAction;
import io.jitp.emulator.rules.RuleEngine;
import io.jitp.emulator.sqs.QueueService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Clients nobody here wrote: the seed's provision / pub / sub with mosquitto 2.0.11 (MQTT 3.1.1 and 5), and a
 * topic rule whose SQS message the AWS SDK reads back from the embedded ElasticMQ.
 */
class MqttBrokerInteropTest {

    @TempDir
    static Path state;
    @TempDir
    static Path files;
    private static BrokerTestbed testbed;
    private static QueueService queues;
    private static RuleEngine rules;
    private static CertificateAuthority ca;

    @BeforeAll
    static void start() throws Exception {
        queues = new QueueService("127.0.0.1", BrokerTestbed.REGION, BrokerTestbed.ACCOUNT, state);
        queues.start();
        testbed = new BrokerTestbed(state, MqttBrokerSettings.loopback(state, "localhost").withAlpnPort(0));
        rules = new RuleEngine(testbed.registry, queues::sendMessage);
        testbed.forward = rules;
        testbed.registry.createPolicy("IoTAccess", BrokerTestbed.SEED_POLICY);
        ca = testbed.registerJitpCa("root", "IoTAccess");
    }

    @AfterAll
    static void stop() {
        testbed.close();
        rules.close();
        queues.close();
    }

    private static Mosquitto mosquitto() {
        Assumptions.assumeTrue(Mosquitto.installed(),
                "mosquitto_pub/mosquitto_sub not installed (apt-get install mosquitto-clients): test skipped");
        return new Mosquitto(testbed.broker.port(), testbed.broker.rootCaPem());
    }

    private static Path provisionedDevice(Mosquitto mosquitto, String name) throws Exception {
        Path certificate = TestDevice.issue(ca, name, KeyAlgorithm.RSA_2048).writeFiles(files);
        mosquitto.publish(certificate, name, "mqttv311", "/register", "", 0);
        mosquitto.publish(certificate, name, "mqttv311", "/register", "", 0);
        return certificate;
    }

    @Test
    void seedProvisionFirstPublishFailsSecondSucceeds() throws Exception {
        Mosquitto mosquitto = mosquitto();
        TestDevice device = TestDevice.issue(ca, "thing-1", KeyAlgorithm.RSA_2048);
        Path certificate = device.writeFiles(files);

        Mosquitto.Result first = mosquitto.publish(certificate, "thing-1", "mqttv311", "/register", "", 0);
        assertNotEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("not authori"), first.output());
        assertEquals(CertificateStatus.ACTIVE,
                testbed.registry.findCertificate(device.certificateId()).orElseThrow().status());
        assertTrue(testbed.registry.findThing("thing-1").isPresent());

        Mosquitto.Result second = mosquitto.publish(certificate, "thing-1", "mqttv311", "/register", "", 0);
        assertEquals(0, second.exitCode(), second.output());
    }

    @Test
    void seedPubAndSubOverMqtt5And311() throws Exception {
        Mosquitto mosquitto = mosquitto();
        Path subscriber = provisionedDevice(mosquitto, "thing-sub");
        Path publisher = provisionedDevice(mosquitto, "thing-pub");
        for (String protocol : List.of("mqttv5", "mqttv311")) {
            try (Mosquitto.Subscriber sub = mosquitto.new Subscriber(subscriber, "thing-sub", protocol, "#", 1)) {
                sub.awaitSubscribed();
                Mosquitto.Result pub = mosquitto.publish(publisher, "thing-pub", protocol, "thing-pub",
                        "hello " + protocol, 1);
                assertEquals(0, pub.exitCode(), pub.output());
                assertTrue(sub.awaitExit().contains("thing-pub hello " + protocol));
            }
        }
    }

    @Test
    void aPublishOnAForeignTopicIsRefusedForMosquittoToo() throws Exception {
        Mosquitto mosquitto = mosquitto();
        Path device = provisionedDevice(mosquitto, "thing-bad");
        Mosquitto.Result result = mosquitto.publish(device, "thing-bad", "mqttv5", "thing-other", "x", 1);
        // mosquitto_pub 2.0.11 exits 0 here but reports the PUBACK 0x87 that precedes the broker's DISCONNECT.
        assertTrue(result.output().contains("received PUBACK (Mid: 1, RC:135)"), result.output());
        assertTrue(result.output().contains("Not authorized"), result.output());
    }

    @Test
    void theAlpnPortRequiresXAmznMqttCa() throws Exception {
        Mosquitto mosquitto = mosquitto();
        Path device = provisionedDevice(mosquitto, "thing-alpn");
        String alpnPort = Integer.toString(testbed.broker.alpnPort());
        Mosquitto.Result withAlpn = mosquitto.publish(device, "thing-alpn", "mqttv311", "thing-alpn", "via 443", 1,
                List.of("-p", alpnPort, "--tls-alpn", "x-amzn-mqtt-ca"));
        assertEquals(0, withAlpn.exitCode(), withAlpn.output());
        assertTrue(withAlpn.output().contains("received PUBACK"), withAlpn.output());
        Mosquitto.Result withoutAlpn = mosquitto.publish(device, "thing-alpn", "mqttv311", "thing-alpn", "x", 1,
                List.of("-p", alpnPort));
        assertNotEquals(0, withoutAlpn.exitCode(), withoutAlpn.output());
    }

    @Test
    void theAlpnPortEchoesXAmznMqttCaAndRefusesOtherClients() throws Exception {
        TestDevice device = testbed.activeDevice(ca, "alpn-java", "IoTAccess", BrokerTestbed.SEED_POLICY);
        try (SSLSocket tls = alpnSocket(device, TlsListener.AWS_ALPN_PROTOCOL)) {
            tls.startHandshake();
            assertEquals(TlsListener.AWS_ALPN_PROTOCOL, tls.getApplicationProtocol());
        }
        // The refusal reaches the client as the server's alert (SSLException) or, when the server has already
        // closed the connection, as a broken pipe: both IOExceptions.
        try (SSLSocket other = alpnSocket(device, "mqtt")) {
            assertThrows(IOException.class, other::startHandshake, "ALPN without x-amzn-mqtt-ca is refused");
        }
        try (SSLSocket none = alpnSocket(device)) {
            assertThrows(IOException.class, none::startHandshake, "no ALPN at all is refused");
        }
        try (SSLSocket plainPort = (SSLSocket) device.sslContext(testbed.broker.rootCaPem()).getSocketFactory()
                .createSocket("127.0.0.1", testbed.broker.port())) {
            plainPort.startHandshake();
            assertEquals("", plainPort.getApplicationProtocol(), "the 8883-style port negotiates no ALPN");
        }
    }

    private static SSLSocket alpnSocket(TestDevice device, String... protocols) throws Exception {
        SSLSocket socket = (SSLSocket) device.sslContext(testbed.broker.rootCaPem()).getSocketFactory()
                .createSocket("127.0.0.1", testbed.broker.alpnPort());
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(protocols);
        socket.setSSLParameters(parameters);
        return socket;
    }

    @Test
    void opensslSeesTheAlpnProtocolInTheHandshake() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")),
                "openssl not installed: test skipped");
        Path certificate = TestDevice.issue(ca, "alpn-openssl").writeFiles(files);
        Process openssl = new ProcessBuilder("/usr/bin/openssl", "s_client", "-connect",
                "127.0.0.1:" + testbed.broker.alpnPort(), "-servername", "localhost", "-alpn",
                TlsListener.AWS_ALPN_PROTOCOL, "-CAfile", testbed.broker.rootCaPem().toString(), "-cert",
                certificate.toString(), "-key", certificate.resolveSibling("alpn-openssl.key").toString())
                .redirectErrorStream(true).start();
        openssl.getOutputStream().close();
        assertTrue(openssl.waitFor(30, TimeUnit.SECONDS), "openssl s_client finished");
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(output.contains("ALPN protocol: " + TlsListener.AWS_ALPN_PROTOCOL), output);
    }

    @Test
    void aTopicRuleForwardsPublishesToItsQueue() throws Exception {
        String queueUrl = queues.createQueue("loadtestQueue");
        testbed.registry.createTopicRule("loadtestSQSPublisher", "SELECT * FROM 'rule-device'", "2016-03-23", false,
                List.of(new SqsAction(queueUrl, "arn:aws:iam::" + BrokerTestbed.ACCOUNT + ":role/r", false)));
        TestDevice device = testbed.activeDevice(ca, "rule-device", "IoTAccess", BrokerTestbed.SEED_POLICY);
        try (PahoClients clients = testbed.clients()) {
            MqttMessage message = new MqttMessage("{\"device\":\"rule-device\",\"sent\":1}".getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            clients.connect(device).mqtt.publish("rule-device", message);
        }
        try (SqsClient sqs = SqsClient.builder().endpointOverride(queues.endpoint()).region(Region.EU_WEST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .build()) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(10)).messages();
            assertEquals(List.of("{\"device\":\"rule-device\",\"sent\":1}"),
                    messages.stream().map(Message::body).toList());
        }
    }
}
