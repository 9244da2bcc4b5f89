/**
 * Certificates without openssl: key generation, a certificate authority that issues device and server certificates,
 * PEM reading and writing, AWS certificate ids, and atomic secret-safe file writes.
 */
package io.jitp.core.pki;
