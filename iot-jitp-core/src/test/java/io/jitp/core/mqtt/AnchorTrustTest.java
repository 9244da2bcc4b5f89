package io.jitp.core.mqtt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.Test;

/** The devices of a fleet share one trust manager for their server's anchors, and it still trusts only them. */
class AnchorTrustTest {
    private static final CertificateAuthority SERVER_ROOT = root("server-root");
    private static final CertificateAuthority OTHER_ROOT = root("other-root");

    private static CertificateAuthority root(String name) {
        return CertificateAuthority.create(SubjectProfile.ofCommonName(name), KeyAlgorithm.EC_P256, 1);
    }

    /** The CA issues device (client) certificates: chain checks are the same as for a server's. */
    private static X509Certificate leaf(CertificateAuthority ca) {
        return ca.issueDeviceCertificate(KeyAlgorithm.EC_P256.generate().getPublic(),
                SubjectProfile.ofCommonName("localhost"), 1);
    }

    @Test
    void theSameAnchorsShareTheirTrustManagerAndOtherAnchorsGetTheirOwn() throws Exception {
        TrustManager[] first = AnchorTrust.managers(List.of(SERVER_ROOT.certificate()));
        TrustManager[] again = AnchorTrust.managers(List.of(SERVER_ROOT.certificate()));
        assertSame(first[0], again[0]);
        TrustManager[] other = AnchorTrust.managers(List.of(OTHER_ROOT.certificate()));
        assertNotSame(first[0], other[0]);

        X509TrustManager trust = (X509TrustManager) AnchorTrust.managers(List.of(SERVER_ROOT.certificate()))[0];
        X509Certificate[] good = {leaf(SERVER_ROOT), SERVER_ROOT.certificate()};
        X509Certificate[] foreign = {leaf(OTHER_ROOT), OTHER_ROOT.certificate()};
        assertDoesNotThrow(() -> trust.checkClientTrusted(good, "EC"));
        assertThrows(CertificateException.class, () -> trust.checkClientTrusted(foreign, "EC"));
    }

    @Test
    void noAnchorsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AnchorTrust.managers(List.of()));
    }
}
