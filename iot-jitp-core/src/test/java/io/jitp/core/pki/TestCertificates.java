package io.jitp.core.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Builds the unusable CA certificates that production code must refuse (expired, not a CA). */
final class TestCertificates {
    private TestCertificates() {
    }

    /** A self-signed certificate with the given validity window and CA flag. */
    static X509Certificate selfSigned(KeyPair keys, String cn, Instant notBefore, Instant notAfter, boolean ca)
            throws Exception {
        return selfSigned(keys, cn, notBefore, notAfter, ca, "SHA256withECDSA");
    }

    /** The same, for a key of another type than EC. */
    static X509Certificate selfSigned(KeyPair keys, String cn, Instant notBefore, Instant notAfter, boolean ca,
                                      String signatureAlgorithm) throws Exception {
        X500Name name = new X500Name("CN=" + cn);
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(notBefore.toEpochMilli()),
                Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
        if (ca) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        }
        var signer = new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /** A CA certificate that expired yesterday. */
    static X509Certificate expiredCa(KeyPair keys) throws Exception {
        Instant now = Instant.now();
        return selfSigned(keys, "expired", now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), true);
    }

    /** A valid certificate without basicConstraints CA:TRUE. */
    static X509Certificate notACa(KeyPair keys) throws Exception {
        Instant now = Instant.now();
        return selfSigned(keys, "leaf", now, now.plus(Duration.ofDays(30)), false);
    }
}
