package io.jitp.core.pki;

import java.util.Arrays;

/**
 * The secrets that open a CA, each optional: the password of an encrypted key file and the PIN of the token holding
 * the key. Only the one the CA needs is used. The arrays belong to the caller, who {@link #clear}s them after use.
 *
 * @param keyPassword password of the CA key file, or null
 * @param tokenPin    PIN of the PKCS#11 token holding the CA key, or null
 */
public record CaCredentials(char[] keyPassword, char[] tokenPin) {

    /**
     * @param keyPassword password of the CA key file, or null
     * @return credentials with only that password
     */
    public static CaCredentials ofPassword(char[] keyPassword) {
        return new CaCredentials(keyPassword, null);
    }

    /** Overwrites both secrets. */
    public void clear() {
        for (char[] secret : new char[][] {keyPassword, tokenPin}) {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    @Override
    public String toString() {
        // Never the values, and not even whether they are set beyond what a log needs.
        return "CaCredentials[keyPassword=" + (keyPassword == null ? "none" : "***") + ", tokenPin="
                + (tokenPin == null ? "none" : "***") + "]";
    }
}
