package io.jitp.emulator.mqtt;

import java.security.InvalidAlgorithmParameterException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;

/**
 * The factory behind {@link RegistryTrustProvider}: a registry-backed trust manager for a broker's placeholder
 * truststore, the JDK's PKIX trust managers for every other key store.
 */
public final class RegistryTrustManagerFactorySpi extends TrustManagerFactorySpi {

    private TrustManager[] trustManagers;

    /** Public for the JCA, which instantiates the SPI reflectively. */
    public RegistryTrustManagerFactorySpi() {
    }

    @Override
    protected void engineInit(KeyStore keyStore) throws KeyStoreException {
        String marker = RegistryTrustProvider.marker(keyStore);
        if (marker != null) {
            // Looked up per handshake: the broker binds its trust only once its authenticator runs (fail closed).
            String binding = RegistryTrustProvider.bindingOf(marker);
            trustManagers = new TrustManager[] {new RegistryTrustManager(
                    leaf -> RegistryTrustProvider.trustFor(binding).refusal(leaf),
                    RegistryTrustProvider.requiredAlpnOf(marker))};
            return;
        }
        TrustManagerFactory pkix = pkix();
        pkix.init(keyStore);
        trustManagers = pkix.getTrustManagers();
    }

    @Override
    protected void engineInit(ManagerFactoryParameters parameters) throws InvalidAlgorithmParameterException {
        TrustManagerFactory pkix = pkix();
        pkix.init(parameters);
        trustManagers = pkix.getTrustManagers();
    }

    @Override
    protected TrustManager[] engineGetTrustManagers() {
        if (trustManagers == null) {
            throw new IllegalStateException("TrustManagerFactory not initialised");
        }
        return trustManagers.clone();
    }

    private static TrustManagerFactory pkix() {
        try {
            return TrustManagerFactory.getInstance("PKIX");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no PKIX trust managers", e);
        }
    }
}
