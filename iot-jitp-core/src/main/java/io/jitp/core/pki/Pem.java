package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;
import io.jitp.core.UserPaths;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM in and out: certificates, private keys (PKCS#8, optionally encrypted with a password; openssl's traditional
 * formats are read too) and PKCS#10 CSRs. Read errors name the file and what was expected in it.
 */
public final class Pem {
    private static final Base64.Encoder BASE64 = Base64.getMimeEncoder(64, new byte[] {'\n'});
    private static final int PBKDF2_ITERATIONS = 100_000;

    private Pem() {
    }

    /**
     * @param certificate a certificate
     * @return its PEM block ({@code BEGIN CERTIFICATE}), ending with a newline
     */
    public static String encode(X509Certificate certificate) {
        try {
            return block("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Certificate cannot be DER-encoded", e);
        }
    }

    /**
     * @param key a private key
     * @return its unencrypted PKCS#8 PEM block ({@code BEGIN PRIVATE KEY})
     */
    public static String encode(PrivateKey key) {
        return block("PRIVATE KEY", key.getEncoded());
    }

    /**
     * @param csr a certificate signing request
     * @return its PEM block ({@code BEGIN CERTIFICATE REQUEST})
     */
    public static String encode(PKCS10CertificationRequest csr) {
        try {
            return block("CERTIFICATE REQUEST", csr.getEncoded());
        } catch (IOException e) {
            throw new IllegalArgumentException("CSR cannot be DER-encoded", e);
        }
    }

    /**
     * Encrypts a private key as PKCS#8 with AES-256-CBC and PBKDF2-HMAC-SHA256, which {@code openssl pkey} reads.
     *
     * @param key      the key
     * @param password the password (not retained)
     * @return the {@code BEGIN ENCRYPTED PRIVATE KEY} block
     */
    public static String encodeEncrypted(PrivateKey key, char[] password) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(Crypto.bc()).setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS).setPassword(password).build();
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(new JcaPKCS8Generator(key, encryptor).generate());
            }
            return out.toString();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot encrypt the private key", e);
        }
    }

    /**
     * @param file a PEM file whose first block is a certificate
     * @return that certificate
     * @throws InvalidInputException naming the file if it is missing or holds no certificate
     * @throws IOException           if the file cannot be read
     */
    public static X509Certificate readCertificate(Path file) throws IOException {
        return readCertificates(file).get(0);
    }

    /**
     * @param file a PEM file with one or more certificates (e.g. a device certificate followed by its CA)
     * @return the certificates in file order, at least one
     * @throws InvalidInputException naming the file if it is missing or holds no certificate
     * @throws IOException           if the file cannot be read
     */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        return parseCertificates(read(file, "certificate"), file.toString());
    }

    /**
     * @param pem    PEM text with one or more certificates
     * @param source where the text came from, for error messages
     * @return the certificates in order, at least one
     * @throws InvalidInputException if the text holds no valid certificate
     */
    public static List<X509Certificate> parseCertificates(String pem, String source) {
        List<X509Certificate> certificates = new ArrayList<>();
        String otherType = null;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (var object = parser.readPemObject(); object != null; object = parser.readPemObject()) {
                if (!"CERTIFICATE".equals(object.getType())) {
                    otherType = object.getType();
                } else {
                    certificates.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(object.getContent())));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw corrupt(source, "certificate", e);
        }
        if (certificates.isEmpty()) {
            throw otherType == null ? corrupt(source, "certificate", null) : wrongType(source, "certificate", otherType);
        }
        return certificates;
    }

    /**
     * Reads a private key: PKCS#8 (plain or encrypted) or openssl's traditional RSA/EC formats.
     *
     * @param file     the key file
     * @param password the password of an encrypted key, or null
     * @return the key
     * @throws KeyPasswordRequiredException if the key is encrypted and the password is missing or wrong
     * @throws InvalidInputException        naming the file if it is missing or holds no key
     * @throws IOException                  if the file cannot be read
     */
    public static PrivateKey readPrivateKey(Path file, char[] password) throws IOException {
        return parsePrivateKey(read(file, "private key"), file, password);
    }

    /**
     * @param pem      PEM text holding a private key
     * @param file     where the text came from, for error messages
     * @param password the password of an encrypted key, or null
     * @return the key
     * @throws KeyPasswordRequiredException if the key is encrypted and the password is missing or wrong
     * @throws InvalidInputException        if the text holds no key
     */
    static PrivateKey parsePrivateKey(String pem, Path file, char[] password) {
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            object = parser.readObject();
            // openssl ecparam -genkey writes an EC PARAMETERS block before the key.
            while (object instanceof ASN1ObjectIdentifier) {
                object = parser.readObject();
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt(file.toString(), "private key", e);
        }
        // The same providers as generated keys, so that loaded keys sign through the same (fast) code.
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(Crypto.bc());
        try {
            if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                return converter.getPrivateKey(decrypt(file, encrypted, password));
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (object instanceof X509CertificateHolder) {
                throw wrongType(file.toString(), "private key", "CERTIFICATE");
            }
            if (object instanceof PKCS10CertificationRequest) {
                throw wrongType(file.toString(), "private key", "CERTIFICATE REQUEST");
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(file.toString(), "private key", e);
        }
        throw corrupt(file.toString(), "private key", null);
    }

    /**
     * @param file a PEM file holding a PKCS#10 certificate signing request
     * @return the request (its signature is not checked here)
     * @throws InvalidInputException naming the file if it is missing or holds no CSR
     * @throws IOException           if the file cannot be read
     */
    public static PKCS10CertificationRequest readCsr(Path file) throws IOException {
        return parseCsr(read(file, "certificate signing request"), file.toString());
    }

    /**
     * @param pem    PEM text holding a PKCS#10 certificate signing request (e.g. an API request body)
     * @param source where the text came from, for error messages
     * @return the request (its signature is not checked here; see {@link Csrs#hasValidSignature})
     * @throws InvalidInputException if the text holds no CSR
     */
    public static PKCS10CertificationRequest parseCsr(String pem, String source) {
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw corrupt(source, "certificate signing request", e);
        }
        if (object instanceof PKCS10CertificationRequest csr) {
            return csr;
        }
        throw object instanceof X509CertificateHolder ? wrongType(source, "certificate signing request", "CERTIFICATE")
                : corrupt(source, "certificate signing request", null);
    }

    private static PrivateKeyInfo decrypt(Path file, PKCS8EncryptedPrivateKeyInfo encrypted, char[] password) {
        if (password == null) {
            throw new KeyPasswordRequiredException(file, "Private key " + file
                    + " is encrypted but no password was given", null);
        }
        try {
            return encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Crypto.bc()).build(password));
        } catch (PKCSException | OperatorCreationException e) {
            throw new KeyPasswordRequiredException(file, "Private key " + file
                    + " cannot be decrypted: the password is wrong", e);
        }
    }

    static String read(Path file, String expected) throws IOException {
        try {
            return UserPaths.readText(file, StandardCharsets.US_ASCII, expected + " file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw corrupt(file.toString(), expected, e);
        }
    }

    private static InvalidInputException corrupt(String source, String expected, Throwable cause) {
        String reason = cause == null || cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
        return new InvalidInputException(source + " does not hold a valid PEM " + expected + reason
                + "; replace it with the PEM file that was written for it", cause);
    }

    private static InvalidInputException wrongType(String source, String expected, String found) {
        return new InvalidInputException(source + " holds a PEM " + found + " block where a " + expected
                + " is expected; check that the file names are not swapped (the CA certificate is <caName>.ca.pem,"
                + " its key <caName>.ca.key)");
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
