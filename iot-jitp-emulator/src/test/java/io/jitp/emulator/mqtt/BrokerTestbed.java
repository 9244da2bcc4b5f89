package io.jitp.emulator.mqtt;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.Pem;
import io.jitp.core.pki.SubjectProfile;
import io.jitp.emulator.StandInAuthority;
import io.jitp.emulator.faults.FaultPlan;
import io.jitp.emulator.iot.CaCertificate;
import io.jitp.emulator.iot.CertificateMode;
import io.jitp.emulator.iot.CertificateStatus;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.RegistrationConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One registry and one running broker for a test class (the broker takes seconds to stop, so classes share it),
 * with helpers for CAs, devices and policies.
 */
final class BrokerTestbed implements AutoCloseable {

    static final String REGION = "eu-west-1";
    static final String ACCOUNT = "123456789012";
    /** The seed's IoTAccess policy: Connect as the CN, Subscribe and Receive anything, Publish on the CN topic. */
    static final String SEED_POLICY = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":"iot:Connect","Resource":"arn:aws:iot:*:*:client/${iot:Certificate.Subject.CommonName}"},
             {"Effect":"Allow","Action":["iot:Subscribe","iot:Receive"],"Resource":"*"},
             {"Effect":"Allow","Action":"iot:Publish","Resource":"arn:aws:iot:*:*:topic/${iot:Certificate.Subject.CommonName}"}]}""";

    final IotRegistry registry;
    final MqttBroker broker;
    final List<String> published = new CopyOnWriteArrayList<>();
    /** Where accepted publishes go besides {@link #published} (e.g. a rules engine created after the broker). */
    volatile PublishListener forward = (topic, payload) -> { };

    /** When set, what the JITP template runner throws (it runs inside the authenticator). */
    private volatile Throwable templateFailure;

    /** A broker whose JITP templates behave like {@link #seedLikeTemplates}. */
    BrokerTestbed(Path state, MqttBrokerSettings settings) throws IOException {
        this(state, settings, FaultPlan.NONE);
    }

    /** A broker injecting the given faults into its connections. */
    BrokerTestbed(Path state, MqttBrokerSettings settings, FaultPlan faults) throws IOException {
        registry = IotRegistry.open(state, REGION, ACCOUNT);
        StandInAuthority authority = StandInAuthority.loadOrCreate(state);
        broker = new MqttBroker(settings, registry, authority,
                (body, certificate, id) -> {
                    if (templateFailure instanceof RuntimeException unchecked) {
                        throw unchecked;
                    }
                    if (templateFailure instanceof Error error) {
                        throw error;
                    }
                    return seedLikeTemplates(registry, body, certificate, id);
                },
                (topic, payload) -> {
                    published.add(topic);
                    forward.published(topic, payload);
                });
        broker.injectFaults(faults);
        broker.start();
    }

    /** A broker on free loopback ports. */
    static BrokerTestbed start(Path state) throws IOException {
        return new BrokerTestbed(state, MqttBrokerSettings.loopback(state, "local-ats.iot.eu-west-1.amazonaws.com"));
    }

    /**
     * What the seed's template does, enough to test the broker without the template engine: the template body
     * names the policy to attach; a thing named by the CN is created and the certificate activated.
     */
    static Optional<String> seedLikeTemplates(IotRegistry registry, String policyName, X509Certificate certificate,
                                              String certificateId) {
        if (registry.findPolicy(policyName).isEmpty()) {
            return Optional.of("policy " + policyName + " does not exist");
        }
        String thing = SubjectProfile.of(org.bouncycastle.asn1.x500.X500Name.getInstance(
                certificate.getSubjectX500Principal().getEncoded())).commonName();
        String arn = registry.arn("cert", certificateId);
        if (registry.findThing(thing).isEmpty()) {
            registry.createThing(thing, null, Map.of());
        }
        registry.attachThingPrincipal(thing, arn);
        registry.attachPolicy(policyName, arn);
        registry.updateCertificateStatus(certificateId, CertificateStatus.ACTIVE);
        return Optional.empty();
    }

    PahoClients clients() {
        return new PahoClients(broker.port(), broker.rootCaPem());
    }

    /** A fresh CA, registered ACTIVE with auto-registration and a template attaching {@code policyName}. */
    CertificateAuthority registerJitpCa(String name, String policyName) {
        CertificateAuthority ca = newCa(name);
        register(ca, true, true, new RegistrationConfig(policyName, "arn:aws:iam::" + ACCOUNT
                + ":role/IoTProvisioning", null));
        return ca;
    }

    static CertificateAuthority newCa(String name) {
        return CertificateAuthority.create(SubjectProfile.ofCommonName(name), KeyAlgorithm.EC_P256, 30);
    }

    /** @param failure what the JITP template runner throws from now on (a RuntimeException or an Error) */
    void failTemplates(Throwable failure) {
        templateFailure = failure;
    }

    CaCertificate register(CertificateAuthority ca, boolean active, boolean autoRegistration,
                           RegistrationConfig config) {
        return register(registry, ca, active, autoRegistration, config);
    }

    static CaCertificate register(IotRegistry registry, CertificateAuthority ca, boolean active,
                                  boolean autoRegistration, RegistrationConfig config) {
        X509Certificate verification = ca.issueDeviceCertificate(KeyAlgorithm.EC_P256.generate().getPublic(),
                SubjectProfile.ofCommonName(registry.registrationCode()), 30);
        return registry.registerCaCertificate(ca.certificatePem(), Pem.encode(verification), CertificateMode.DEFAULT,
                active, autoRegistration, config, null);
    }

    /** Creates a policy (once) and a device registered ACTIVE with that policy attached. */
    TestDevice activeDevice(CertificateAuthority ca, String name, String policyName, String policyDocument) {
        return activeDevice(registry, ca, name, policyName, policyDocument);
    }

    static TestDevice activeDevice(IotRegistry registry, CertificateAuthority ca, String name, String policyName,
                                   String policyDocument) {
        if (registry.findPolicy(policyName).isEmpty()) {
            registry.createPolicy(policyName, policyDocument);
        }
        TestDevice device = TestDevice.issue(ca, name);
        registry.registerCertificate(Pem.encode(device.certificate()), ca.certificatePem(), CertificateStatus.ACTIVE);
        registry.attachPolicy(policyName, registry.arn("cert", device.certificateId()));
        return device;
    }

    @Override
    public void close() {
        broker.close();
    }
}
