package io.jitp.emulator.iot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.state.StateFileException;
import io.jitp.emulator.testing.TestPki;
import io.jitp.emulator.testing.TestPki.Issued;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryPersistenceTest {
    @TempDir
    Path stateDir;

    @Test
    void everythingSurvivesReopening() throws Exception {
        IotRegistry registry = IotRegistry.open(stateDir, "us-east-1", "123456789012");
        Issued ca = TestPki.ca("CN=root");
        CaCertificate registeredCa = registry.registerCaCertificate(ca.pem(),
                TestPki.leaf(ca, "CN=" + registry.registrationCode()).pem(), null, true, true,
                new RegistrationConfig("{\"Resources\":{}}", "arn:aws:iam::123456789012:role/r", null),
                Map.of("k", "v"));
        Certificate certificate = registry.registerCertificate(TestPki.leaf(ca, "CN=d").pem(), null,
                CertificateStatus.ACTIVE);
        registry.createThing("d", "sensor", Map.of("a", "1"));
        registry.attachThingPrincipal("d", certificate.arn());
        registry.createPolicy("p", """
                {"Statement":{"Effect":"Allow","Action":["iot:*"],"Resource":["*"]}}""");
        registry.attachPolicy("p", certificate.arn());
        registry.createTopicRule("r", "SELECT * FROM 't'", "2016-03-23", false,
                List.of(new SqsAction("http://q", "arn:role", true)));

        IotRegistry reopened = IotRegistry.open(stateDir, "us-east-1", "123456789012");
        assertEquals(registeredCa, reopened.findCaCertificate(registeredCa.id()).orElseThrow());
        assertEquals(certificate, reopened.findCertificate(certificate.id()).orElseThrow());
        assertEquals(registry.findThing("d"), reopened.findThing("d"));
        assertEquals(List.of(certificate.arn()), reopened.thingPrincipals("d"));
        assertEquals(registry.findPolicy("p"), reopened.findPolicy("p"));
        assertEquals(List.of("p"), reopened.attachedPolicies(certificate.arn()).stream().map(Policy::name).toList());
        assertEquals(registry.topicRules(), reopened.topicRules());
        assertEquals(registeredCa.id(), reopened.findIssuingCa(TestPki.leaf(ca, "CN=e").certificate())
                .orElseThrow().id());
    }

    @Test
    void corruptStateFileIsAClearErrorNamingTheFile() throws Exception {
        Path file = stateDir.resolve(IotRegistry.STATE_FILE);
        Files.writeString(file, "{\"things\": [truncated");
        StateFileException e = assertThrows(StateFileException.class,
                () -> IotRegistry.open(stateDir, "us-east-1", "123456789012"));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
        assertEquals("{\"things\": [truncated", Files.readString(file));
    }
}
