package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateAuthorityTest {
    private static final SubjectProfile CA_SUBJECT =
            new SubjectProfile("root", "LU", "Luxembourg", "Luxembourg", "AWS", "Demo", null, null);

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void caCertificateHasSubjectValidityAndCaExtensions(KeyAlgorithm algorithm) throws Exception {
        X509Certificate ca = CertificateAuthority.create(CA_SUBJECT, TestKeys.of(algorithm), 1024).certificate();

        assertEquals(new X500Name("C=LU,ST=Luxembourg,L=Luxembourg,O=AWS,OU=Demo,CN=root"),
                X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()));
        assertEquals(ca.getSubjectX500Principal(), ca.getIssuerX500Principal());
        assertEquals(Duration.ofDays(1024), Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant()));
        assertEquals(algorithm.signatureAlgorithm(), ca.getSigAlgName());
        assertTrue(ca.getCriticalExtensionOIDs().contains(Extension.basicConstraints.getId()));
        assertEquals(Integer.MAX_VALUE, ca.getBasicConstraints(), "CA:TRUE without path length");
        assertTrue(ca.getCriticalExtensionOIDs().contains(Extension.keyUsage.getId()));
        assertArrayEquals(new boolean[] {false, false, false, false, false, true, true, false, false},
                ca.getKeyUsage(), "keyCertSign and cRLSign only");
        byte[] ski = subjectKeyId(ca);
        assertArrayEquals(ski, authorityKeyId(ca), "self-signed: AKI = SKI");
        ca.verify(ca.getPublicKey());
    }

    @Test
    void serialsArePositiveRandomAndAtLeast64Bits() {
        CertificateAuthority ca = CertificateAuthority.create(CA_SUBJECT, KeyAlgorithm.EC_P256, 10);
        KeyPair device = TestKeys.of(KeyAlgorithm.EC_P256);
        var a = ca.issueDeviceCertificate(device.getPublic(), SubjectProfile.ofCommonName("a"), 1).getSerialNumber();
        var b = ca.issueDeviceCertificate(device.getPublic(), SubjectProfile.ofCommonName("a"), 1).getSerialNumber();

        assertTrue(a.signum() > 0 && a.bitLength() >= 64, a.toString(16));
        assertTrue(ca.certificate().getSerialNumber().bitLength() >= 64);
        assertFalse(a.equals(b));
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void deviceCertificateForEveryKeyTypeHasClientExtensionsAndChainsToTheCa(KeyAlgorithm deviceAlgorithm)
            throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(CA_SUBJECT, KeyAlgorithm.EC_P256, 1024);
        SubjectProfile subject = new SubjectProfile("sensor-1", "ES", null, "Madrid", "12345", "fleet", "SN-42",
                "batch7");

        X509Certificate device = ca.issueDeviceCertificate(TestKeys.of(deviceAlgorithm).getPublic(), subject, 500);

        device.verify(ca.certificate().getPublicKey());
        assertEquals(new X500Name("C=ES,ST=Madrid,O=12345,OU=fleet,CN=sensor-1,SERIALNUMBER=SN-42,DN=batch7"),
                X500Name.getInstance(device.getSubjectX500Principal().getEncoded()));
        assertEquals(subject, SubjectProfile.of(X500Name.getInstance(device.getSubjectX500Principal().getEncoded())));
        assertEquals(ca.certificate().getSubjectX500Principal(), device.getIssuerX500Principal());
        assertEquals(Duration.ofDays(500), Duration.between(device.getNotBefore().toInstant(),
                device.getNotAfter().toInstant()));
        boolean rsa = deviceAlgorithm.isRsa();
        assertArrayEquals(new boolean[] {true, false, rsa, false, false, false, false, false, false},
                device.getKeyUsage(), "digitalSignature (+keyEncipherment for RSA)");
        assertTrue(device.getCriticalExtensionOIDs().contains(Extension.keyUsage.getId()));
        assertEquals(List.of(KeyPurposeId.id_kp_clientAuth.getId()), device.getExtendedKeyUsage());
        assertEquals(-1, device.getBasicConstraints(), "not a CA");
        assertArrayEquals(subjectKeyId(ca.certificate()), authorityKeyId(device));
    }

    @Test
    void deviceValidityNeverOutlivesTheCa() {
        CertificateAuthority ca = CertificateAuthority.create(CA_SUBJECT, KeyAlgorithm.EC_P256, 30);

        X509Certificate device = ca.issueDeviceCertificate(TestKeys.of(KeyAlgorithm.EC_P256).getPublic(),
                SubjectProfile.ofCommonName("d"), 500);

        assertEquals(ca.certificate().getNotAfter(), device.getNotAfter());
    }

    @Test
    void signsACsrKeepingItsSubjectAndKey() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(CA_SUBJECT, KeyAlgorithm.EC_P384, 100);
        KeyPair deviceKeys = TestKeys.of(KeyAlgorithm.RSA_2048);
        PKCS10CertificationRequest csr = csr(deviceKeys, "CN=se-device,O=acme", deviceKeys);

        X509Certificate device = ca.signCsr(csr, 10);

        device.verify(ca.certificate().getPublicKey());
        assertEquals(deviceKeys.getPublic(), device.getPublicKey());
        assertEquals(new X500Name("CN=se-device,O=acme"),
                X500Name.getInstance(device.getSubjectX500Principal().getEncoded()));
        assertEquals(List.of(KeyPurposeId.id_kp_clientAuth.getId()), device.getExtendedKeyUsage());
        assertEquals("SHA384withECDSA", device.getSigAlgName());
    }

    @Test
    void rejectsACsrWhoseSignatureDoesNotVerify() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(CA_SUBJECT, KeyAlgorithm.EC_P256, 100);
        // Signed by another key than the one it carries: proof of possession fails.
        PKCS10CertificationRequest forged = csr(TestKeys.of(KeyAlgorithm.EC_P256), "CN=victim",
                KeyAlgorithm.EC_P256.generate());

        var e = assertThrows(InvalidInputException.class, () -> ca.signCsr(forged, 10));
        assertTrue(e.getMessage().contains("CN=victim") && e.getMessage().contains("does not verify"),
                e.getMessage());
    }

    @Test
    void serverCertificateCarriesDnsAndIpSans() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(CA_SUBJECT, KeyAlgorithm.EC_P256, 100);

        X509Certificate server = ca.issueServerCertificate(TestKeys.of(KeyAlgorithm.EC_P256).getPublic(),
                "localhost", List.of("localhost", "iot.local"), List.of("127.0.0.1", "::1"), 30);

        server.verify(ca.certificate().getPublicKey());
        assertEquals(List.of(KeyPurposeId.id_kp_serverAuth.getId()), server.getExtendedKeyUsage());
        var sans = server.getSubjectAlternativeNames().stream().map(l -> l.get(0) + "=" + l.get(1)).toList();
        assertEquals(List.of("2=localhost", "2=iot.local", "7=127.0.0.1", "7=0:0:0:0:0:0:0:1"), sans);
        assertArrayEquals(subjectKeyId(ca.certificate()), authorityKeyId(server));
    }

    @Test
    void loadingRefusesACertificateThatIsNotACa() throws Exception {
        KeyPair keys = TestKeys.of(KeyAlgorithm.EC_P256);
        var e = assertThrows(InvalidInputException.class, () ->
                CertificateAuthority.of(TestCertificates.notACa(keys), keys.getPrivate(), "ca/root.ca.pem"));
        assertTrue(e.getMessage().startsWith("ca/root.ca.pem is not a CA certificate"), e.getMessage());
    }

    @Test
    void loadingRefusesAnExpiredCa() throws Exception {
        KeyPair keys = TestKeys.of(KeyAlgorithm.EC_P256);
        var e = assertThrows(InvalidInputException.class, () ->
                CertificateAuthority.of(TestCertificates.expiredCa(keys), keys.getPrivate(), "ca/root.ca.pem"));
        assertTrue(e.getMessage().contains("ca/root.ca.pem expired on"), e.getMessage());
        assertTrue(e.getMessage().contains("iot.force"), e.getMessage());
    }

    @Test
    void loadingRefusesAKeyThatDoesNotMatchTheCertificate() {
        CertificateAuthority ca = CertificateAuthority.create(CA_SUBJECT, KeyAlgorithm.EC_P256, 10);
        var otherKey = KeyAlgorithm.EC_P256.generate().getPrivate();
        var rsaKey = TestKeys.of(KeyAlgorithm.RSA_2048).getPrivate();

        for (var key : List.of(otherKey, rsaKey)) {
            var e = assertThrows(InvalidInputException.class, () ->
                    CertificateAuthority.of(ca.certificate(), key, "ca/root.ca.pem"));
            assertTrue(e.getMessage().contains("does not belong to the CA certificate"), e.getMessage());
        }
        assertEquals(ca.certificate(), CertificateAuthority.of(ca.certificate(), ca.privateKey(), "ok").certificate());
    }

    @Test
    void refusesNonPositiveValidity() {
        assertThrows(InvalidInputException.class,
                () -> CertificateAuthority.create(CA_SUBJECT, KeyAlgorithm.EC_P256, 0));
    }

    private static PKCS10CertificationRequest csr(KeyPair subjectKeys, String subject, KeyPair signingKeys)
            throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), subjectKeys.getPublic())
                .build(new JcaContentSignerBuilder(signingKeys.getPublic().getAlgorithm().equals("RSA")
                        ? "SHA256withRSA" : "SHA256withECDSA").build(signingKeys.getPrivate()));
    }

    private static byte[] subjectKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifier();
    }

    private static byte[] authorityKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifier();
    }
}
