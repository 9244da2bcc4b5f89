package io.jitp.emulator.iot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jitp.emulator.testing.TestPki;
import io.jitp.emulator.testing.TestPki.Issued;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many devices provisioning at once: every change lands, in memory and on disk. */
class RegistryConcurrencyTest {
    private static final int DEVICES = 40;

    @TempDir
    Path stateDir;

    @Test
    void concurrentJitpRegistrationsAreAllStored() throws Exception {
        IotRegistry registry = IotRegistry.open(stateDir, "us-east-1", "123456789012");
        Issued ca = TestPki.ca("CN=busy");
        CaCertificate registered = registry.registerCaCertificate(ca.pem(),
                TestPki.leaf(ca, "CN=" + registry.registrationCode()).pem(), null, true, true, null, null);
        List<Issued> devices = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            devices.add(TestPki.leaf(ca, "CN=device" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < DEVICES; i++) {
                Issued device = devices.get(i);
                String name = "device" + i;
                results.add(pool.submit(() -> {
                    CaCertificate issuer = registry.findIssuingCa(device.certificate()).orElseThrow();
                    Certificate certificate = registry.registerJitpCertificate(device.certificate(), issuer);
                    registry.registerJitpCertificate(device.certificate(), issuer);
                    registry.createThing(name, null, null);
                    registry.attachThingPrincipal(name, certificate.arn());
                    registry.updateCertificateStatus(certificate.id(), CertificateStatus.ACTIVE);
                    return certificate.id();
                }));
            }
            Set<String> ids = new HashSet<>();
            for (Future<String> result : results) {
                ids.add(result.get());
            }
            assertEquals(DEVICES, ids.size());
        } finally {
            pool.shutdownNow();
        }
        IotRegistry reopened = IotRegistry.open(stateDir, "us-east-1", "123456789012");
        assertEquals(DEVICES, reopened.certificatesByCa(registered.id()).size());
        assertEquals(DEVICES, reopened.things().size());
        for (Certificate certificate : reopened.certificates()) {
            assertEquals(CertificateStatus.ACTIVE, certificate.status());
            assertEquals(1, reopened.principalThings(certificate.arn()).size());
        }
    }
}
