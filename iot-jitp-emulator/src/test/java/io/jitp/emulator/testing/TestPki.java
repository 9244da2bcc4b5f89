package io.jitp.emulator.testing;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Small certificates for tests: EC P-256 keys (fast), CA and leaf certificates, PEM text. */
public final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    private TestPki() {
    }

    /** A key pair with the certificate for its public key. */
    public record Issued(X509Certificate certificate, KeyPair keys) {
        /** @return the certificate in PEM */
        public String pem() {
            return TestPki.pem(certificate);
        }
    }

    /** @return a fresh EC P-256 key pair */
    public static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param subject e.g. {@code CN=root,O=Test} @return a self-signed CA with CA:TRUE */
    public static Issued ca(String subject) {
        KeyPair keys = keyPair();
        return new Issued(build(new X500Name(subject), subject, keys.getPublic(), keys.getPrivate(), true, Duration.ofDays(30)),
                keys);
    }

    /** @param subject a subject @return a self-signed certificate without CA:TRUE */
    public static Issued notCa(String subject) {
        KeyPair keys = keyPair();
        return new Issued(build(new X500Name(subject), subject, keys.getPublic(), keys.getPrivate(), false, Duration.ofDays(30)),
                keys);
    }

    /**
     * @param issuer the signing CA
     * @param subject the leaf subject
     * @return a leaf certificate for a fresh key, signed by the issuer
     */
    public static Issued leaf(Issued issuer, String subject) {
        return leaf(issuer, subject, keyPair());
    }

    /**
     * @param issuer the signing CA
     * @param subject the leaf subject
     * @param keys the leaf's key pair (shared between leaves when only the certificates matter, as key generation
     *        is the slow part)
     * @return a leaf certificate for those keys, signed by the issuer
     */
    public static Issued leaf(Issued issuer, String subject, KeyPair keys) {
        return new Issued(build(X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()), subject, keys.getPublic(),
                issuer.keys().getPrivate(), false, Duration.ofDays(30)), keys);
    }

    /**
     * @param issuerName the issuer name to write
     * @param subject the subject
     * @param publicKey the certified key
     * @param signingKey the key that signs
     * @param ca whether to mark it CA:TRUE
     * @param validity how long it is valid from now
     * @return the certificate
     */
    public static X509Certificate build(X500Name issuerName, String subject, PublicKey publicKey,
            PrivateKey signingKey, boolean ca, Duration validity) {
        return build(issuerName, subject, publicKey, signingKey, ca, validity,
                signingKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA");
    }

    /**
     * @param issuerName the issuer name to write
     * @param subject the subject
     * @param publicKey the certified key
     * @param signingKey the key that signs
     * @param ca whether to mark it CA:TRUE
     * @param validity how long it is valid from now
     * @param algorithm the JCA signature algorithm, e.g. {@code SHA384withECDSA}
     * @return the certificate
     */
    public static X509Certificate build(X500Name issuerName, String subject, PublicKey publicKey,
            PrivateKey signingKey, boolean ca, Duration validity, String algorithm) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minusSeconds(60)),
                    Date.from(now.plus(validity)), new X500Name(subject), publicKey);
            if (ca) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param value a certificate or key @return it in PEM */
    public static String pem(Object value) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    /** @param pem a PEM certificate @return it parsed */
    public static X509Certificate parse(String pem) {
        try {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(
                            pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
