package io.jitp.core.pki;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificatesTest {
    @Test
    void knowsWhichCaSignedACertificate() {
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("root"),
                TestKeys.of(KeyAlgorithm.EC_P256), 5);
        CertificateAuthority rsaCa = CertificateAuthority.create(SubjectProfile.ofCommonName("root"),
                TestKeys.of(KeyAlgorithm.RSA_2048), 5);
        var device = ca.issueDeviceCertificate(TestKeys.of(KeyAlgorithm.EC_P384).getPublic(),
                new SubjectProfile("d", "ES", null, null, "Acme, Inc.", null, null, null), 1);
        var rsaDevice = rsaCa.issueDeviceCertificate(TestKeys.of(KeyAlgorithm.EC_P256).getPublic(),
                SubjectProfile.ofCommonName("r"), 1);

        assertTrue(Certificates.isSignedBy(device, ca.certificate().getPublicKey()));
        assertFalse(Certificates.isSignedBy(device, rsaCa.certificate().getPublicKey()));
        assertTrue(Certificates.isSignedBy(rsaDevice, rsaCa.certificate().getPublicKey()));
        assertEquals("C=ES,O=Acme\\, Inc.,CN=d", Certificates.subject(device));
    }
}
