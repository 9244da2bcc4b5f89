package io.jitp.emulator.iot.rest;

import static io.jitp.emulator.testing.AwsErrorAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.pki.CertificateIds;
import io.jitp.core.pki.Pem;
import io.jitp.emulator.testing.StandInApiTest;
import io.jitp.emulator.testing.TestPki;
import io.jitp.emulator.testing.TestPki.Issued;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateMode;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateValidationException;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ListCertificatesResponse;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/** Device certificates through the AWS SDK for Java v2. */
class CertificateApiTest extends StandInApiTest {
    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:*","Resource":"*"}]}""";

    static Issued ca;
    static String caId;

    @BeforeAll
    static void registerCa() {
        ca = TestPki.ca("CN=device-ca");
        String code = iot.getRegistrationCode(r -> { }).registrationCode();
        caId = iot.registerCACertificate(r -> r.caCertificate(ca.pem())
                .verificationCertificate(TestPki.leaf(ca, "CN=" + code).pem()).setAsActive(true)).certificateId();
    }

    @Test
    void createKeysAndCertificateIssuesAnRsaKeyAndACertSignedByTheStandInsRootCa() throws Exception {
        CreateKeysAndCertificateResponse created = iot.createKeysAndCertificate(r -> r.setAsActive(true));
        X509Certificate certificate = TestPki.parse(created.certificatePem());
        X509Certificate root = Pem.readCertificate(standIn.endpoints().rootCaPemPath());
        certificate.verify(root.getPublicKey());
        assertEquals(2048, ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength());
        assertEquals(CertificateIds.of(certificate), created.certificateId());
        assertEquals("arn:aws:iot:eu-west-1:123456789012:cert/" + created.certificateId(), created.certificateArn());

        Path keyFile = stateDir.resolve("created.key");
        Files.writeString(keyFile, created.keyPair().privateKey());
        PrivateKey privateKey = Pem.readPrivateKey(keyFile, null);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update("proof".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update("proof".getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(signature));
        assertTrue(created.keyPair().publicKey().startsWith("-----BEGIN PUBLIC KEY-----"));

        CertificateDescription description = iot.describeCertificate(r -> r.certificateId(created.certificateId()))
                .certificateDescription();
        assertEquals(CertificateStatus.ACTIVE, description.status());
        assertNull(description.caCertificateId());
    }

    @Test
    void createCertificateFromCsrKeepsTheCsrSubject() throws Exception {
        var keys = io.jitp.core.pki.KeyAlgorithm.RSA_2048.generate();
        var csr = new JcaPKCS10CertificationRequestBuilder(new org.bouncycastle.asn1.x500.X500Name("CN=from-csr"),
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
        String pem = TestPki.pem(csr);
        var created = iot.createCertificateFromCsr(r -> r.certificateSigningRequest(pem).setAsActive(false));
        X509Certificate certificate = TestPki.parse(created.certificatePem());
        assertEquals("CN=from-csr", certificate.getSubjectX500Principal().getName());
        assertArrayEquals(keys.getPublic().getEncoded(), certificate.getPublicKey().getEncoded());
        assertEquals(CertificateStatus.INACTIVE, iot.describeCertificate(r -> r.certificateId(
                created.certificateId())).certificateDescription().status());
        assertAwsError(InvalidRequestException.class, 400,
                () -> iot.createCertificateFromCsr(r -> r.certificateSigningRequest("garbage")));
    }

    @Test
    @SuppressWarnings("deprecation") // setAsActive is deprecated in favour of status, and both must work
    void registersCertificatesWithAndWithoutCa() {
        Issued device = TestPki.leaf(ca, "CN=registered");
        String id = iot.registerCertificate(r -> r.certificatePem(device.pem()).caCertificatePem(ca.pem())
                .status(CertificateStatus.ACTIVE)).certificateId();
        CertificateDescription description = iot.describeCertificate(r -> r.certificateId(id))
                .certificateDescription();
        assertEquals(caId, description.caCertificateId());
        assertEquals(CertificateStatus.ACTIVE, description.status());
        assertEquals(CertificateMode.DEFAULT, description.certificateMode());
        assertEquals(device.certificate(), TestPki.parse(description.certificatePem()));
        assertAwsError(ResourceAlreadyExistsException.class, 409,
                () -> iot.registerCertificate(r -> r.certificatePem(device.pem())));

        Issued stranger = TestPki.leaf(TestPki.ca("CN=unregistered"), "CN=stranger");
        assertAwsError(CertificateValidationException.class, 400,
                () -> iot.registerCertificate(r -> r.certificatePem(stranger.pem())));
        String withoutCa = iot.registerCertificateWithoutCA(r -> r.certificatePem(stranger.pem())).certificateId();
        CertificateDescription noCa = iot.describeCertificate(r -> r.certificateId(withoutCa))
                .certificateDescription();
        assertEquals(CertificateStatus.INACTIVE, noCa.status());
        assertEquals(CertificateMode.SNI_ONLY, noCa.certificateMode());

        Issued viaFlag = TestPki.leaf(ca, "CN=set-as-active");
        String flagged = iot.registerCertificate(r -> r.certificatePem(viaFlag.pem()).setAsActive(true))
                .certificateId();
        assertEquals(CertificateStatus.ACTIVE, iot.describeCertificate(r -> r.certificateId(flagged))
                .certificateDescription().status());
        assertTrue(iot.listCertificatesByCA(r -> r.caCertificateId(caId)).certificates().stream()
                .anyMatch(c -> c.certificateId().equals(id)));
        assertTrue(iot.listCertificatesByCA(r -> r.caCertificateId(caId)).certificates().stream()
                .noneMatch(c -> c.certificateId().equals(withoutCa)));
    }

    @Test
    void updateFollowsTheStatusRules() {
        String id = iot.createKeysAndCertificate(r -> r.setAsActive(true)).certificateId();
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.ACTIVE));
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.INACTIVE));
        assertEquals(CertificateStatus.INACTIVE, iot.describeCertificate(r -> r.certificateId(id))
                .certificateDescription().status());
        assertAwsError(InvalidRequestException.class, 400, () -> iot.updateCertificate(r -> r.certificateId(id)
                .newStatus(CertificateStatus.PENDING_ACTIVATION)));
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.REVOKED));
        assertAwsError(CertificateStateException.class, 406, () -> iot.updateCertificate(r -> r.certificateId(id)
                .newStatus(CertificateStatus.ACTIVE)));
        assertAwsError(ResourceNotFoundException.class, 404, () -> iot.updateCertificate(r -> r
                .certificateId("0".repeat(64)).newStatus(CertificateStatus.ACTIVE)));
    }

    @Test
    void deleteIsRefusedWhileActiveAttachedOrWithPoliciesUnlessForced() {
        var created = iot.createKeysAndCertificate(r -> r.setAsActive(true));
        String id = created.certificateId();
        iot.createThing(r -> r.thingName("holder"));
        iot.attachThingPrincipal(r -> r.thingName("holder").principal(created.certificateArn()));
        iot.createPolicy(r -> r.policyName("cert-delete-policy").policyDocument(POLICY));
        iot.attachPolicy(r -> r.policyName("cert-delete-policy").target(created.certificateArn()));

        assertAwsError(CertificateStateException.class, 406, () -> iot.deleteCertificate(r -> r.certificateId(id)));
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.INACTIVE));
        assertAwsError(DeleteConflictException.class, 409, () -> iot.deleteCertificate(r -> r.certificateId(id)));
        iot.detachThingPrincipal(r -> r.thingName("holder").principal(created.certificateArn()));
        assertAwsError(DeleteConflictException.class, 409, () -> iot.deleteCertificate(r -> r.certificateId(id)));
        iot.deleteCertificate(r -> r.certificateId(id).forceDelete(true));
        assertAwsError(ResourceNotFoundException.class, 404, () -> iot.describeCertificate(r -> r.certificateId(id)));
        assertTrue(iot.listTargetsForPolicy(r -> r.policyName("cert-delete-policy")).targets().isEmpty());
    }

    @Test
    void listsCertificatesPageByPage() {
        for (int i = 0; i < 3; i++) {
            iot.createKeysAndCertificate(r -> r.setAsActive(false));
        }
        List<String> all = iot.listCertificates(r -> r.pageSize(250)).certificates().stream()
                .map(c -> c.certificateId()).toList();
        Set<String> seen = new HashSet<>();
        String marker = null;
        do {
            String current = marker;
            ListCertificatesResponse page = iot.listCertificates(r -> r.pageSize(2).marker(current));
            page.certificates().forEach(c -> assertTrue(seen.add(c.certificateId())));
            marker = page.nextMarker();
        } while (marker != null);
        assertEquals(Set.copyOf(all), seen);
        assertAwsError(InvalidRequestException.class, 400, () -> iot.listCertificates(r -> r.marker("bogus")));
        assertAwsError(InvalidRequestException.class, 400, () -> iot.listCertificates(r -> r.pageSize(0)));
    }
}
