package io.jitp.core.loadtest;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.KeyManagerFactorySpi;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents one device's certificate chain whatever CA list the server sends (the stand-in sends none, AWS sends
 * none), and notes when the TLS handshake asks for the private key: the client signs its CertificateVerify as the
 * last step of its handshake, so that moment, less the connect start, is the client-side TLS handshake time the
 * MQTT client does not expose otherwise. No key store is built, which keeps 10,000 devices cheap.
 */
final class DeviceKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "device";
    private static final Provider PROVIDER = new Provider("iot-jitp-loadtest", "1", "per-device key managers") {
        private static final long serialVersionUID = 1L;
    };

    private final X509Certificate[] chain;
    private final PrivateKey key;
    private volatile long keyUsedNanos;

    DeviceKeyManager(List<X509Certificate> chain, PrivateKey key) {
        this.chain = chain.toArray(X509Certificate[]::new);
        this.key = asJdkKey(key, this.chain[0].getPublicKey().getAlgorithm());
    }

    /**
     * JSSE only presents a client certificate whose private key names the same algorithm as its public key; a key
     * read through BouncyCastle names itself "ECDSA" where the certificate's JDK key says "EC", and the handshake
     * then silently sends no certificate. Re-reading the PKCS#8 encoding with the JDK's own factory fixes the name.
     */
    private static PrivateKey asJdkKey(PrivateKey key, String algorithm) {
        if (key.getAlgorithm().equals(algorithm)) {
            return key;
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The device key (" + key.getAlgorithm() + ") does not suit its "
                    + algorithm + " certificate", e);
        }
    }

    /** @return System.nanoTime() of the last handshake's signature, 0 if none since {@link #reset()} */
    long keyUsedNanos() {
        return keyUsedNanos;
    }

    void reset() {
        keyUsedNanos = 0;
    }

    /** @return a factory handing out this key manager, for clients configured with a factory */
    KeyManagerFactory factory() {
        KeyManager[] managers = {this};
        KeyManagerFactorySpi spi = new KeyManagerFactorySpi() {
            @Override
            protected void engineInit(KeyStore keyStore, char[] password) {
                // Nothing to load: the device's key and chain are already in memory.
            }

            @Override
            protected void engineInit(ManagerFactoryParameters parameters) {
                // Nothing to load.
            }

            @Override
            protected KeyManager[] engineGetKeyManagers() {
                return managers.clone();
            }
        };
        return new KeyManagerFactory(spi, PROVIDER, ALIAS) {
        };
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return ALIAS;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return ALIAS;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return chain.clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        keyUsedNanos = System.nanoTime();
        return key;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
