package io.jitp.emulator.iot;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Checks that a certificate's signature was made with a CA's key, once per fresh JITP certificate. For an EC CA
 * signing with ECDSA it verifies with Bouncy Castle's low-level ECDSA against the CA's key kept in that form: Bouncy
 * Castle stores the precomputed multiples of a point on the point itself, so every certificate of a CA after the
 * first reuses them (about 130 CPU-µs per P-256 verification under C1, against 330 through the JCE, which converts
 * the key each time, and 1,100 with the JDK's SunEC). Any other key or algorithm, or an EC key Bouncy Castle cannot
 * convert, goes through the JCE with Bouncy Castle as before. Thread-safe.
 */
final class CaSignatures {
    /** ECDSA with SHA-256, SHA-384 and SHA-512 (RFC 5758), by the digest each signs. */
    private static final Map<String, String> ECDSA_DIGESTS = Map.of("1.2.840.10045.4.3.2", "SHA-256",
            "1.2.840.10045.4.3.3", "SHA-384", "1.2.840.10045.4.3.4", "SHA-512");
    /** More distinct keys than any account registers CAs; beyond it the cache starts over rather than grow. */
    private static final int MAX_KEYS = 64;
    private static final Provider JCE = new BouncyCastleProvider();

    private final Map<PublicKey, ECPublicKeyParameters> ecKeys = new ConcurrentHashMap<>();

    /**
     * @param certificate a certificate
     * @param issuerKey   the key that must have signed it
     * @return whether its signature verifies with that key
     */
    boolean verifies(X509Certificate certificate, PublicKey issuerKey) {
        String digest = ECDSA_DIGESTS.get(certificate.getSigAlgOID());
        ECPublicKeyParameters ecKey = digest == null ? null : ecKey(issuerKey);
        if (ecKey == null) {
            return verifiesThroughJce(certificate, issuerKey);
        }
        try {
            BigInteger[] rs = derSignature(certificate.getSignature());
            if (rs == null) {
                return false;
            }
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, ecKey);
            byte[] hash = MessageDigest.getInstance(digest).digest(certificate.getTBSCertificate());
            return verifier.verifySignature(hash, rs[0], rs[1]);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return false;
        }
    }

    /** @return the key in Bouncy Castle's low-level form, or null if it is not an EC key that converts */
    private ECPublicKeyParameters ecKey(PublicKey key) {
        if (!(key instanceof ECPublicKey)) {
            return null;
        }
        ECPublicKeyParameters known = ecKeys.get(key);
        if (known != null) {
            return known;
        }
        ECPublicKeyParameters converted;
        try {
            converted = (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(key);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
        if (ecKeys.size() >= MAX_KEYS) {
            ecKeys.clear();
        }
        ecKeys.put(key, converted);
        return converted;
    }

    /** @return r and s of a DER ECDSA signature, or null if it is anything else (BER, trailing bytes, more parts) */
    private static BigInteger[] derSignature(byte[] signature) throws IOException {
        ASN1Sequence sequence = ASN1Sequence.getInstance(signature);
        if (sequence.size() != 2 || !Arrays.equals(sequence.getEncoded(ASN1Encoding.DER), signature)) {
            return null;
        }
        return new BigInteger[] {ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(),
                ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue()};
    }

    private static boolean verifiesThroughJce(X509Certificate certificate, PublicKey issuerKey) {
        try {
            certificate.verify(issuerKey, JCE);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
