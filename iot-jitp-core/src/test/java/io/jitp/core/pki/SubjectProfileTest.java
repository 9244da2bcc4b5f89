package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubjectProfileTest {
    @Test
    void buildsTheNameInOpensslOrderSkippingBlanks() {
        SubjectProfile subject = new SubjectProfile("dev", "es", " ", "Madrid", "Acme, Inc.", "", "SN-1", "q1");

        assertEquals("C=ES,ST=Madrid,O=Acme\\, Inc.,CN=dev,SERIALNUMBER=SN-1,DN=q1", subject.toX500Name().toString());
        assertNull(subject.locality());
        assertEquals(subject, SubjectProfile.of(subject.toX500Name()));
    }

    @Test
    void attributesAreSetByShortNameInAnyCase() {
        SubjectProfile subject = SubjectProfile.empty().withAttribute("serialnumber", "SN-7").withAttribute("o", "X")
                .withCommonName("d");

        assertEquals(new SubjectProfile("d", null, null, null, "X", null, "SN-7", null), subject);
        assertEquals("dnQualifier", SubjectProfile.canonicalName("DNQUALIFIER"));
    }

    @Test
    void perDeviceValuesWinOverDefaults() {
        SubjectProfile defaults = new SubjectProfile(null, "LU", null, null, "Default", "fleet", null, null);
        SubjectProfile device = new SubjectProfile("d", null, null, null, "Own", null, null, null);

        assertEquals(new SubjectProfile("d", "LU", null, null, "Own", "fleet", null, null), device.orElse(defaults));
    }

    @Test
    void refusesValuesACertificateCannotCarry() {
        var country = assertThrows(InvalidInputException.class,
                () -> new SubjectProfile("d", "Spain", null, null, null, null, null, null));
        var serial = assertThrows(InvalidInputException.class,
                () -> new SubjectProfile("d", null, null, null, null, null, "SN_1", null));
        var unknown = assertThrows(InvalidInputException.class, () -> SubjectProfile.canonicalName("colour"));

        assertTrue(country.getMessage().contains("'SPAIN' must be two letters"), country.getMessage());
        assertTrue(serial.getMessage().contains("serialNumber 'SN_1'"), serial.getMessage());
        assertTrue(unknown.getMessage().contains("C, ST, L, O, OU, CN, serialNumber, dnQualifier"));
    }

    @Test
    void readsAttributesItDoesNotKnowWithoutFailing() {
        SubjectProfile subject = SubjectProfile.of(new X500Name("CN=d,E=ops@example.org,O=Acme"));
        assertEquals(new SubjectProfile("d", null, null, null, "Acme", null, null, null), subject);
    }
}
