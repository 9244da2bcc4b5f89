package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;

/**
 * A PKCS#11 token opened through the JDK's SunPKCS11 provider and logged into with its PIN. Keys generated here are
 * sensitive and not extractable: code outside the token only ever holds handles, and signatures are made inside it.
 * The PIN is passed to the token and not kept; it appears in no message.
 */
public final class Pkcs11Token {
    private final Pkcs11Slot slot;
    private final Provider provider;
    private final KeyStore keyStore;

    private Pkcs11Token(Pkcs11Slot slot, Provider provider, KeyStore keyStore) {
        this.slot = slot;
        this.provider = provider;
        this.keyStore = keyStore;
    }

    /**
     * @param slot where the token is
     * @param pin  the user PIN (not retained; the caller clears it)
     * @return the token, logged in
     * @throws InvalidInputException if the library or slot cannot be used or the PIN is missing or rejected
     */
    public static Pkcs11Token open(Pkcs11Slot slot, char[] pin) {
        if (pin == null || pin.length == 0) {
            throw new InvalidInputException("The CA key is in the " + slot + "; give the token's PIN through a"
                    + " settings.xml <server> named by iot.pkcs11.pinServerId or an environment variable named by"
                    + " iot.pkcs11.pinEnv");
        }
        Provider provider;
        try {
            provider = Security.getProvider("SunPKCS11").configure(slot.providerConfiguration());
        } catch (ProviderException | IllegalArgumentException e) {
            throw new InvalidInputException("Cannot open the " + slot + " (" + rootMessage(e) + "); check"
                    + " iot.pkcs11.library and iot.pkcs11.slot / iot.pkcs11.slotListIndex (softhsm2-util"
                    + " --show-slots lists SoftHSM2's)", e);
        }
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            return new Pkcs11Token(slot, provider, keyStore);
        } catch (IOException | GeneralSecurityException | ProviderException e) {
            throw new InvalidInputException("The " + slot + " refused the login (" + rootMessage(e)
                    + "); check the PIN given through iot.pkcs11.pinServerId or iot.pkcs11.pinEnv", e);
        }
    }

    /** @return the provider that signs with this token's keys */
    public Provider provider() {
        return provider;
    }

    /** @return where the token is */
    public Pkcs11Slot slot() {
        return slot;
    }

    /**
     * Generates a key pair inside the token: the private key is sensitive and not extractable, and stays a session
     * object until {@link #store} makes it permanent.
     *
     * @param algorithm the key type
     * @return the pair; its private half is a handle
     */
    public KeyPair generate(KeyAlgorithm algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.isRsa() ? "RSA" : "EC", provider);
            if (algorithm.isRsa()) {
                generator.initialize(algorithm.size());
            } else {
                generator.initialize(new ECGenParameterSpec(algorithm.curve()));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException | ProviderException e) {
            throw new InvalidInputException("The " + slot + " cannot generate " + algorithm + " keys ("
                    + rootMessage(e) + "); choose another iot.keyAlgorithm", e);
        }
    }

    /**
     * Makes a generated key permanent in the token under {@code alias}, with its certificate (the token copies the
     * key object; sensitivity and non-extractability are kept).
     *
     * @param alias       the key's label and id in the token
     * @param key         a private key handle from {@link #generate}
     * @param certificate the certificate of the key
     */
    public void store(String alias, PrivateKey key, X509Certificate certificate) {
        try {
            keyStore.setKeyEntry(alias, key, null, new Certificate[] {certificate});
        } catch (GeneralSecurityException | ProviderException e) {
            throw new IllegalStateException("The " + slot + " cannot store the key " + alias, e);
        }
    }

    /**
     * @param alias a key alias
     * @return true if the token holds a key under that alias
     */
    public boolean contains(String alias) {
        try {
            return keyStore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot list the keys of the " + slot, e);
        }
    }

    /**
     * Destroys the key and certificate stored under an alias.
     *
     * @param alias the alias
     */
    public void delete(String alias) {
        try {
            keyStore.deleteEntry(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The " + slot + " cannot delete the key " + alias, e);
        }
    }

    /**
     * @param alias a key alias
     * @return the private key handle stored under it
     * @throws InvalidInputException if the token has no such key
     */
    public PrivateKey privateKey(String alias) {
        try {
            Key key = keyStore.getKey(alias, null);
            if (key instanceof PrivateKey privateKey) {
                return privateKey;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the key " + alias + " from the " + slot, e);
        }
        throw new InvalidInputException("The " + slot + " holds no private key '" + alias + "'; check the key"
                + " reference next to the CA certificate, or create the CA again with mvn iot:create-ca");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
