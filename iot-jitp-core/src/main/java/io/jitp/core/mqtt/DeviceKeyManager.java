package io.jitp.core.mqtt;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents the one device identity, whatever CA names the server lists (AWS and the stand-in list none). Cheaper
 * than a PKCS#12 key store, which re-encrypts and decrypts the key with thousands of PBKDF2 rounds per device — it
 * showed as the bottleneck of smoke-connect over thousands of devices.
 */
final class DeviceKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "device";

    private final X509Certificate[] chain;
    private final PrivateKey key;

    DeviceKeyManager(DeviceIdentity identity) {
        this.chain = identity.chain().toArray(new X509Certificate[0]);
        this.key = identity.key();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {ALIAS};
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
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[0];
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }
}
