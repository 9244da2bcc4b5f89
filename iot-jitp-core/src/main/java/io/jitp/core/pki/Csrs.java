package io.jitp.core.pki;

import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/** Proof of possession: a CSR must be signed by the key it asks a certificate for. */
public final class Csrs {
    private Csrs() {
    }

    /**
     * @param csr a signing request
     * @return true if its signature verifies with the public key it carries
     */
    public static boolean hasValidSignature(PKCS10CertificationRequest csr) {
        try {
            return csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Crypto.bc()).build(csr.getSubjectPublicKeyInfo()));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            return false;
        }
    }
}
