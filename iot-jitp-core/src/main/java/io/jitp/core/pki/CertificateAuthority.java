package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * A certificate authority: its certificate and private key, and the certificates it issues (devices, CSRs, TLS
 * servers). The key may be a handle into a PKCS#11 token: signing then goes through the token's provider and the key
 * never leaves it. Every certificate issued is reported to the CA's {@link IssuanceAudit} before it is returned.
 * Instances are immutable and safe to share between threads issuing in parallel.
 */
public final class CertificateAuthority {
    private static final int SERIAL_BITS = 120;

    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final Provider signingProvider;
    private final IssuanceAudit audit;
    private final String signatureAlgorithm;
    private final X500Name name;
    private final Extension authorityKeyIdentifier;
    private final SecureRandom random = new SecureRandom();

    private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey, Provider signingProvider,
                                 IssuanceAudit audit) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.signingProvider = signingProvider;
        this.audit = audit;
        this.signatureAlgorithm = signatureAlgorithmFor(certificate.getPublicKey(), "CA certificate");
        this.name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        try {
            this.authorityKeyIdentifier = new Extension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate).getEncoded());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot derive the authority key identifier of the CA", e);
        }
    }

    /**
     * Creates a new self-signed root CA: {@code basicConstraints CA:TRUE} (critical), {@code keyUsage
     * keyCertSign, cRLSign} (critical), subject and authority key identifiers.
     *
     * @param subject      the CA subject
     * @param algorithm    the CA key type
     * @param validityDays how long the CA is valid, from now
     * @return the new CA
     */
    public static CertificateAuthority create(SubjectProfile subject, KeyAlgorithm algorithm, int validityDays) {
        requirePositive(validityDays);
        return create(subject, algorithm.generate(), validityDays);
    }

    /**
     * Creates a self-signed root CA for an existing key pair (e.g. one kept in a token), with the same extensions as
     * {@link #create(SubjectProfile, KeyAlgorithm, int)}.
     *
     * @param subject      the CA subject
     * @param keys         the CA key pair (RSA or EC)
     * @param validityDays how long the CA is valid, from now
     * @return the new CA
     */
    public static CertificateAuthority create(SubjectProfile subject, KeyPair keys, int validityDays) {
        return create(subject, keys, Crypto.forKey(keys.getPrivate()), validityDays);
    }

    /**
     * Creates a self-signed root CA whose key signs through the given provider (a PKCS#11 token's), with the same
     * extensions as {@link #create(SubjectProfile, KeyAlgorithm, int)}.
     *
     * @param subject         the CA subject
     * @param keys            the CA key pair (RSA or EC); the private key may be a token handle
     * @param signingProvider the provider that signs with the private key, or null for the JDK default
     * @param validityDays    how long the CA is valid, from now
     * @return the new CA
     */
    public static CertificateAuthority create(SubjectProfile subject, KeyPair keys, Provider signingProvider,
                                              int validityDays) {
        requirePositive(validityDays);
        X500Name name = subject.toX500Name();
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, serial(new SecureRandom()),
                    Date.from(now), Date.from(now.plus(Duration.ofDays(validityDays))), name, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(keys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = sign(builder, keys.getPrivate(), signingProvider,
                    signatureAlgorithmFor(keys.getPublic(), "CA key"));
            return new CertificateAuthority(certificate, keys.getPrivate(), signingProvider, IssuanceAudit.NONE);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot create the CA certificate", e);
        }
    }

    /**
     * Loads an existing CA after checking it can issue: a CA certificate ({@code CA:TRUE}, keyCertSign if key usage
     * is present), valid now, and a private key that matches it.
     *
     * @param certificate the CA certificate
     * @param privateKey  its private key
     * @param source      where the pair came from (file names), for error messages
     * @return the CA
     * @throws InvalidInputException saying which check failed and how to fix it
     */
    public static CertificateAuthority of(X509Certificate certificate, PrivateKey privateKey, String source) {
        return of(certificate, privateKey, Crypto.forKey(privateKey), source);
    }

    /**
     * Like {@link #of(X509Certificate, PrivateKey, String)} for a key that signs through a given provider (a
     * PKCS#11 token's).
     *
     * @param certificate     the CA certificate
     * @param privateKey      its private key, possibly a token handle
     * @param signingProvider the provider that signs with the key, or null for the JDK default
     * @param source          where the pair came from, for error messages
     * @return the CA
     * @throws InvalidInputException saying which check failed and how to fix it
     */
    public static CertificateAuthority of(X509Certificate certificate, PrivateKey privateKey, Provider signingProvider,
                                          String source) {
        CaChecks.requireUsable(certificate, privateKey, signingProvider, source);
        return new CertificateAuthority(certificate, privateKey, signingProvider, IssuanceAudit.NONE);
    }

    /**
     * @param issuanceAudit receives every certificate this CA issues from now on
     * @return the same CA (same key, same provider) reporting to that audit
     */
    public CertificateAuthority withAudit(IssuanceAudit issuanceAudit) {
        return new CertificateAuthority(certificate, privateKey, signingProvider, issuanceAudit);
    }

    /**
     * Issues a device (client) certificate: the given subject, {@code keyUsage digitalSignature} (plus
     * keyEncipherment for RSA keys), {@code extendedKeyUsage clientAuth}, {@code basicConstraints CA:FALSE} and the
     * authority key identifier. Validity ends no later than the CA's.
     *
     * @param publicKey    the device public key
     * @param subject      the device subject (CN = device id)
     * @param validityDays validity from now
     * @return the certificate
     */
    public X509Certificate issueDeviceCertificate(PublicKey publicKey, SubjectProfile subject, int validityDays) {
        return issueClientCertificate(SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()),
                subject.toX500Name(), validityDays);
    }

    /**
     * Signs a PKCS#10 request as a device certificate, keeping its subject verbatim (the key stays wherever the
     * request was made, e.g. a secure element).
     *
     * @param csr          the request
     * @param validityDays validity from now
     * @return the certificate
     * @throws InvalidInputException if the request's signature does not verify with its own public key
     */
    public X509Certificate signCsr(PKCS10CertificationRequest csr, int validityDays) {
        if (!Csrs.hasValidSignature(csr)) {
            throw new InvalidInputException("The CSR for '" + csr.getSubject()
                    + "' has a signature that does not verify with its public key; regenerate the CSR");
        }
        return issueClientCertificate(csr.getSubjectPublicKeyInfo(), csr.getSubject(), validityDays);
    }

    /**
     * Issues a TLS server certificate: {@code CN}, subject alternative names, {@code extendedKeyUsage serverAuth}.
     *
     * @param publicKey    the server public key
     * @param commonName   the subject CN
     * @param dnsNames     DNS names for the SAN extension
     * @param ipAddresses  IP addresses (v4 or v6 literals) for the SAN extension
     * @param validityDays validity from now
     * @return the certificate
     */
    public X509Certificate issueServerCertificate(PublicKey publicKey, String commonName, List<String> dnsNames,
                                                  List<String> ipAddresses, int validityDays) {
        SubjectPublicKeyInfo key = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
        List<ASN1Encodable> names = new ArrayList<>();
        dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        try {
            X509v3CertificateBuilder builder = builder(SubjectProfile.ofCommonName(commonName).toX500Name(), key,
                    validityDays)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsageFor(key)))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key));
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new DERSequence(names.toArray(ASN1Encodable[]::new)));
            }
            return issue(builder);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot issue the server certificate for " + commonName, e);
        }
    }

    /** @return the CA certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the CA private key (never log it); a handle without encoding when the key is in a token */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** @return the CA certificate in PEM, as appended to device certificate chains */
    public String certificatePem() {
        return Pem.encode(certificate);
    }

    private X509Certificate issueClientCertificate(SubjectPublicKeyInfo key, X500Name subject, int validityDays) {
        try {
            X509v3CertificateBuilder builder = builder(subject, key, validityDays)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsageFor(key)))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            return issue(builder);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot issue the certificate for " + subject, e);
        }
    }

    private X509v3CertificateBuilder builder(X500Name subject, SubjectPublicKeyInfo key, int validityDays)
            throws CertIOException {
        requirePositive(validityDays);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = now.plus(Duration.ofDays(validityDays));
        Instant caNotAfter = certificate.getNotAfter().toInstant();
        // A certificate outliving its CA would be rejected by verifiers anyway: end it with the CA.
        if (notAfter.isAfter(caNotAfter)) {
            notAfter = caNotAfter;
        }
        return new X509v3CertificateBuilder(name, serial(random), Date.from(now), Date.from(notAfter), subject, key)
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(authorityKeyIdentifier);
    }

    private static int keyUsageFor(SubjectPublicKeyInfo key) {
        boolean rsa = PKCSObjectIdentifiers.rsaEncryption.equals(key.getAlgorithm().getAlgorithm());
        return rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
    }

    private X509Certificate issue(X509v3CertificateBuilder builder) throws CertificateException {
        X509Certificate issued = sign(builder, privateKey, signingProvider, signatureAlgorithm);
        // Recorded before anyone sees it: a certificate that cannot be audited is not handed out.
        audit.issued(issued, certificate);
        return issued;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key, Provider provider,
                                        String algorithm) throws CertificateException {
        try {
            JcaContentSignerBuilder signer = new JcaContentSignerBuilder(algorithm);
            if (provider != null) {
                signer.setProvider(provider);
            }
            X509CertificateHolder holder = builder.build(signer.build(key));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("The JDK cannot sign with " + algorithm, e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        // Positive, exactly SERIAL_BITS long: at least 64 bits of randomness as CA/B rules ask.
        return new BigInteger(SERIAL_BITS - 1, random).setBit(SERIAL_BITS - 1);
    }

    private static String signatureAlgorithmFor(PublicKey key, String source) {
        return KeyAlgorithm.of(key).map(KeyAlgorithm::signatureAlgorithm).orElseGet(() -> switch (Crypto.family(key)) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new InvalidInputException(source + " has a " + key.getAlgorithm()
                    + " key; only RSA and EC CAs are supported");
        });
    }

    private static void requirePositive(int validityDays) {
        if (validityDays <= 0) {
            throw new InvalidInputException("Validity must be at least one day, not " + validityDays);
        }
    }
}
