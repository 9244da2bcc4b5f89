package io.jitp.core.pki;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CertificateIdsTest {
    @Test
    void idIsLowercaseHexSha256OfTheDer() {
        // SHA-256 of the empty input, a published test vector.
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", CertificateIds.of(new byte[0]));
    }

    @Test
    void certificateIdHashesTheEncodedCertificate() throws Exception {
        var ca = CertificateAuthority.create(SubjectProfile.ofCommonName("root"), KeyAlgorithm.EC_P256, 1);

        String id = CertificateIds.of(ca.certificate());

        assertEquals(CertificateIds.of(ca.certificate().getEncoded()), id);
        assertEquals(64, id.length());
        assertEquals(id.toLowerCase(java.util.Locale.ROOT), id);
    }
}
