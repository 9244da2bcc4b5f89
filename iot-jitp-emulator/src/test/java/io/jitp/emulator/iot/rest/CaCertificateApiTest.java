package io.jitp.emulator.iot.rest;

import static io.jitp.emulator.testing.AwsErrorAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.pki.CertificateIds;
import io.jitp.emulator.testing.StandInApiTest;
import io.jitp.emulator.testing.TestPki;
import io.jitp.emulator.testing.TestPki.Issued;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.AutoRegistrationStatus;
import software.amazon.awssdk.services.iot.model.CACertificateDescription;
import software.amazon.awssdk.services.iot.model.CACertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateMode;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateValidationException;
import software.amazon.awssdk.services.iot.model.DescribeCaCertificateResponse;
import software.amazon.awssdk.services.iot.model.ListCaCertificatesResponse;
import software.amazon.awssdk.services.iot.model.RegisterCaCertificateResponse;
import software.amazon.awssdk.services.iot.model.RegistrationCodeValidationException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.Tag;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;

/** CA registration through the AWS SDK for Java v2, as the plugin's register-ca goal calls it. */
class CaCertificateApiTest extends StandInApiTest {

    private static String code() {
        return iot.getRegistrationCode(r -> { }).registrationCode();
    }

    private static RegisterCaCertificateResponse register(Issued ca) {
        Issued verification = TestPki.leaf(ca, "CN=" + code());
        return iot.registerCACertificate(r -> r.caCertificate(ca.pem())
                .verificationCertificate(verification.pem()).setAsActive(true).allowAutoRegistration(true)
                .registrationConfig(c -> c.templateBody("{\"Resources\":{}}")
                        .roleArn("arn:aws:iam::123456789012:role/IoTProvisioning"))
                .tags(Tag.builder().key("env").value("test").build()));
    }

    @Test
    void registrationCodeIsStable64Hex() {
        String code = code();
        assertTrue(code.matches("[0-9a-f]{64}"), code);
        assertEquals(code, code());
    }

    @Test
    void registersDescribesAndListsACa() {
        Issued ca = TestPki.ca("CN=describe-me,O=Test");
        RegisterCaCertificateResponse registered = register(ca);
        String id = CertificateIds.of(ca.certificate());
        assertEquals(id, registered.certificateId());
        assertEquals("arn:aws:iot:eu-west-1:123456789012:cacert/" + id, registered.certificateArn());

        DescribeCaCertificateResponse described = iot.describeCACertificate(r -> r.certificateId(id));
        CACertificateDescription description = described.certificateDescription();
        assertEquals(CACertificateStatus.ACTIVE, description.status());
        assertEquals(AutoRegistrationStatus.ENABLE, description.autoRegistrationStatus());
        assertEquals(CertificateMode.DEFAULT, description.certificateMode());
        assertEquals("123456789012", description.ownedBy());
        assertEquals(ca.certificate(), TestPki.parse(description.certificatePem()));
        assertEquals(ca.certificate().getNotAfter().toInstant(), description.validity().notAfter());
        assertNotNull(description.creationDate());
        assertEquals(1, description.customerVersion());
        assertEquals("{\"Resources\":{}}", described.registrationConfig().templateBody());
        assertEquals("arn:aws:iam::123456789012:role/IoTProvisioning", described.registrationConfig().roleArn());

        assertTrue(iot.listCACertificates(r -> { }).certificates().stream()
                .anyMatch(c -> c.certificateId().equals(id) && c.status() == CACertificateStatus.ACTIVE));
    }

    @Test
    void listsCasPageByPage() {
        for (int i = 0; i < 3; i++) {
            register(TestPki.ca("CN=paged" + i));
        }
        int total = iot.listCACertificates(r -> { }).certificates().size();
        Set<String> seen = new HashSet<>();
        String marker = null;
        int pages = 0;
        do {
            String current = marker;
            ListCaCertificatesResponse page = iot.listCACertificates(r -> r.pageSize(2).marker(current)
                    .ascendingOrder(true));
            assertTrue(page.certificates().size() <= 2);
            page.certificates().forEach(c -> assertTrue(seen.add(c.certificateId())));
            marker = page.nextMarker();
            pages++;
        } while (marker != null);
        assertEquals(total, seen.size());
        assertEquals((total + 1) / 2, pages);
    }

    @Test
    void refusesAWrongRegistrationCode() {
        Issued ca = TestPki.ca("CN=wrong-code");
        Issued verification = TestPki.leaf(ca, "CN=" + "ab".repeat(32));
        assertAwsError(RegistrationCodeValidationException.class, 400, () -> iot.registerCACertificate(r -> r
                .caCertificate(ca.pem()).verificationCertificate(verification.pem())));
    }

    @Test
    void refusesAVerificationCertificateNotSignedByTheCa() {
        Issued ca = TestPki.ca("CN=victim");
        Issued other = TestPki.ca("CN=victim");
        Issued verification = TestPki.leaf(other, "CN=" + code());
        assertAwsError(CertificateValidationException.class, 400, () -> iot.registerCACertificate(r -> r
                .caCertificate(ca.pem()).verificationCertificate(verification.pem())));
        Issued notCa = TestPki.notCa("CN=not-a-ca");
        Issued ownVerification = TestPki.leaf(notCa, "CN=" + code());
        assertAwsError(CertificateValidationException.class, 400, () -> iot.registerCACertificate(r -> r
                .caCertificate(notCa.pem()).verificationCertificate(ownVerification.pem())));
        assertAwsError(CertificateValidationException.class, 400, () -> iot.registerCACertificate(r -> r
                .caCertificate("not a certificate").verificationCertificate(ownVerification.pem())));
    }

    @Test
    void refusesADuplicateCaNamingTheExistingOne() {
        Issued ca = TestPki.ca("CN=twice");
        RegisterCaCertificateResponse first = register(ca);
        ResourceAlreadyExistsException e = assertAwsError(ResourceAlreadyExistsException.class, 409,
                () -> register(ca));
        assertEquals(first.certificateId(), e.resourceId());
        assertEquals(first.certificateArn(), e.resourceArn());
    }

    @Test
    void sniOnlyNeedsNoVerificationButDefaultDoes() {
        Issued ca = TestPki.ca("CN=sni-only");
        assertAwsError(InvalidRequestException.class, 400,
                () -> iot.registerCACertificate(r -> r.caCertificate(ca.pem())));
        String id = iot.registerCACertificate(r -> r.caCertificate(ca.pem())
                .certificateMode(CertificateMode.SNI_ONLY)).certificateId();
        CACertificateDescription description = iot.describeCACertificate(r -> r.certificateId(id))
                .certificateDescription();
        assertEquals(CertificateMode.SNI_ONLY, description.certificateMode());
        assertEquals(CACertificateStatus.INACTIVE, description.status());
        assertEquals(AutoRegistrationStatus.DISABLE, description.autoRegistrationStatus());
    }

    @Test
    void updatesThenDeletesOnlyWhenInactive() {
        String id = register(TestPki.ca("CN=lifecycle")).certificateId();
        assertAwsError(CertificateStateException.class, 406, () -> iot.deleteCACertificate(r -> r.certificateId(id)));
        iot.updateCACertificate(r -> r.certificateId(id).newStatus(CACertificateStatus.INACTIVE)
                .newAutoRegistrationStatus(AutoRegistrationStatus.DISABLE).removeAutoRegistration(true));
        DescribeCaCertificateResponse described = iot.describeCACertificate(r -> r.certificateId(id));
        assertEquals(CACertificateStatus.INACTIVE, described.certificateDescription().status());
        assertEquals(AutoRegistrationStatus.DISABLE, described.certificateDescription().autoRegistrationStatus());
        assertEquals(2, described.certificateDescription().customerVersion());
        assertNull(described.registrationConfig());
        iot.deleteCACertificate(r -> r.certificateId(id));
        assertAwsError(ResourceNotFoundException.class, 404, () -> iot.describeCACertificate(r -> r.certificateId(id)));
    }
}
