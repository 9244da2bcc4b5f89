package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads a device's PEM key and certificates into the JDK's own classes, which its TLS client takes as they are. The
 * formats the core writes (one unencrypted PKCS#8 key, plain certificate blocks) are read by the JDK alone: a
 * smoke-connect over thousands of devices reads one key per device, and {@link Pem}'s BouncyCastle path (its PEM
 * parser, its key classes, then the JDK's key factory to give the TLS client a key it accepts) was a tenth of the
 * clients' CPU outside the handshakes. Anything else a user brings (openssl's traditional PKCS#1 and SEC1 keys, an
 * {@code EC PARAMETERS} block first, encrypted keys, other blocks among the certificates) goes through {@link Pem}
 * with the same messages and password rules as before, and the key is then converted for the JDK.
 */
public final class TlsKeys {
    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";
    private static final String CERTIFICATE_BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String CERTIFICATE_END = "-----END CERTIFICATE-----";
    /** DER of the AlgorithmIdentifier OIDs a PKCS#8 key names: id-ecPublicKey and rsaEncryption. */
    private static final byte[] EC_OID = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};
    private static final byte[] RSA_OID = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
            0x01, 0x01};
    /** The OID sits in the key's AlgorithmIdentifier, within the first bytes of its PKCS#8 encoding. */
    private static final int OID_WINDOW = 32;

    private TlsKeys() {
    }

    /**
     * @param file     a PEM private key in any format {@link Pem#readPrivateKey} reads
     * @param password the password of an encrypted key, or null
     * @return the key, as a class of the JDK's providers
     * @throws KeyPasswordRequiredException if the key is encrypted and the password is missing or wrong
     * @throws InvalidInputException        naming the file if it is missing or holds no key
     * @throws IOException                  if the file cannot be read
     */
    public static PrivateKey readPrivateKey(Path file, char[] password) throws IOException {
        String pem = Pem.read(file, "private key");
        PrivateKey plain = plainPkcs8(pem);
        return plain != null ? plain : forJdk(Pem.parsePrivateKey(pem, file, password));
    }

    /**
     * @param file a PEM file with one or more certificates, device certificate first
     * @return the certificates in file order, at least one
     * @throws InvalidInputException naming the file if it is missing or holds no certificate
     * @throws IOException           if the file cannot be read
     */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        String pem = Pem.read(file, "certificate");
        List<X509Certificate> plain = plainCertificates(pem);
        return plain != null ? plain : Pem.parseCertificates(pem, file.toString());
    }

    /**
     * The JDK's TLS client only uses a key whose algorithm name matches the handshake's key type ({@code EC},
     * {@code RSA}); keys read with BouncyCastle call themselves {@code ECDSA}. Keys of the JDK's own providers (their
     * classes come from the platform) are returned as they are, others are re-read from their PKCS#8 encoding.
     *
     * @param key a private key
     * @return the same key as a class of the JDK's providers
     * @throws InvalidInputException if the JDK cannot take the key
     */
    public static PrivateKey forJdk(PrivateKey key) {
        ClassLoader loader = key.getClass().getClassLoader();
        if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
            return key;
        }
        String algorithm = "ECDSA".equals(key.getAlgorithm()) ? "EC" : key.getAlgorithm();
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new InvalidInputException("The JDK's TLS cannot use this " + key.getAlgorithm() + " key: "
                    + e.getMessage(), e);
        }
    }

    /** @return the key if the text is one unencrypted PKCS#8 EC or RSA key block and nothing else, else null */
    private static PrivateKey plainPkcs8(String pem) {
        return soleBlock(pem, PKCS8_BEGIN, PKCS8_END) == null ? null : firstPkcs8(pem);
    }

    /**
     * @param pem PEM text, possibly with other blocks (the stand-in keeps its server key and certificate in one file)
     * @return the key of its first unencrypted PKCS#8 EC or RSA block, read by the JDK alone (no BouncyCastle class
     *         is loaded), or null if there is none the JDK reads
     */
    public static PrivateKey firstPkcs8(String pem) {
        int begin = pem.indexOf(PKCS8_BEGIN);
        int end = pem.indexOf(PKCS8_END, Math.max(begin, 0));
        byte[] der = begin < 0 || end < 0 ? null : decode(pem.substring(begin + PKCS8_BEGIN.length(), end));
        if (der == null) {
            return null;
        }
        String algorithm = startsWithin(der, EC_OID) ? "EC" : startsWithin(der, RSA_OID) ? "RSA" : null;
        if (algorithm == null) {
            return null;
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** @return the certificates if the text holds certificate blocks only, else null */
    private static List<X509Certificate> plainCertificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        int from = 0;
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            while (true) {
                int begin = pem.indexOf(CERTIFICATE_BEGIN, from);
                if (begin < 0) {
                    break;
                }
                int end = pem.indexOf(CERTIFICATE_END, begin);
                if (end < 0 || !pem.substring(from, begin).isBlank()) {
                    return null;
                }
                byte[] der = decode(pem.substring(begin + CERTIFICATE_BEGIN.length(), end));
                if (der == null) {
                    return null;
                }
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
                from = end + CERTIFICATE_END.length();
            }
        } catch (CertificateException | ClassCastException e) {
            return null;
        }
        return certificates.isEmpty() || !pem.substring(from).isBlank() ? null : certificates;
    }

    private static String soleBlock(String pem, String beginLine, String endLine) {
        int begin = pem.indexOf(beginLine);
        int end = pem.indexOf(endLine, Math.max(begin, 0));
        if (begin < 0 || end < 0 || !pem.substring(0, begin).isBlank()
                || !pem.substring(end + endLine.length()).isBlank()) {
            return null;
        }
        return pem.substring(begin + beginLine.length(), end);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean startsWithin(byte[] der, byte[] oid) {
        int last = Math.min(der.length, OID_WINDOW) - oid.length;
        for (int i = 0; i <= last; i++) {
            if (Arrays.equals(der, i, i + oid.length, oid, 0, oid.length)) {
                return true;
            }
        }
        return false;
    }
}
