package io.jitp.core.pki;

/**
 * What {@link CaStore#createOrReuse} creates when no CA exists yet.
 *
 * @param subject      the CA subject
 * @param algorithm    the CA key type
 * @param validityDays the CA validity, from now
 * @param tokenKey     where in a PKCS#11 token to generate the key, or null for a key file
 */
public record NewCa(SubjectProfile subject, KeyAlgorithm algorithm, int validityDays, CaKeyReference tokenKey) {
}
