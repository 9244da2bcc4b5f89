package io.jitp.maven;

import io.jitp.core.pki.CaCredentials;
import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.Requester;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;

/**
 * What the goals that create, use or register the CA share: where it lives, and where its key password or its
 * token's PIN comes from (settings.xml or an environment variable, never a {@code -D} value).
 */
public abstract class AbstractCaMojo extends AbstractIotMojo {
    /**
     * Folder holding the CA ({@code <caName>.ca.pem} and {@code <caName>.ca.key}, or {@code <caName>.ca.p11.json}
     * when the key is in a PKCS#11 token) and its audit log {@code <caName>.issued.log}. The default lives outside
     * the project so that {@code mvn clean} never destroys a CA.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CA_DIRECTORY, defaultValue = "${user.home}/.iot-jitp/ca")
    private File caDirectory;

    /**
     * Name of the CA: the files are {@code <caName>.ca.pem} and {@code <caName>.ca.key}, as the seed scripts named
     * them.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CA_NAME, defaultValue = "root")
    private String caName;

    /**
     * Id of a {@code <server>} in settings.xml whose {@code <password>} (encrypted with {@code mvn
     * --encrypt-password} or plain) encrypts the CA key. Alternative to {@code caPasswordEnv}; without either the
     * CA key is stored unencrypted with mode 0600.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CA_PASSWORD_SERVER_ID)
    private String caPasswordServerId;

    /**
     * Name (not value) of an environment variable holding the CA key password, e.g. {@code IOT_CA_PASSWORD}.
     * Alternative to {@code caPasswordServerId}; a password is never accepted as a {@code -D} property.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CA_PASSWORD_ENV)
    private String caPasswordEnv;

    /**
     * Id of a {@code <server>} in settings.xml whose {@code <password>} is the PIN of the PKCS#11 token holding the CA
     * key (see create-ca's {@code pkcs11Library}). Alternative to {@code pkcs11PinEnv}.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PKCS11_PIN_SERVER_ID)
    private String pkcs11PinServerId;

    /**
     * Name (not value) of an environment variable holding the PIN of the PKCS#11 token holding the CA key.
     * Alternative to {@code pkcs11PinServerId}; a PIN is never accepted as a {@code -D} property.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PKCS11_PIN_ENV)
    private String pkcs11PinEnv;

    /** @return the CA files named by {@code caDirectory} and {@code caName} */
    protected CaStore caStore() {
        return new CaStore(caDirectory.toPath(), caName);
    }

    /**
     * @return the CA (key file or token key), checked and ready to issue, recording what it issues as asked by this
     *         goal in the CA's audit log
     * @throws IOException          if a CA file cannot be read
     * @throws MojoFailureException if a password or PIN source is misconfigured
     */
    protected CertificateAuthority loadCa() throws IOException, MojoFailureException {
        CaCredentials credentials = caCredentials();
        try {
            return caStore().load(credentials, requester(), reporter());
        } finally {
            credentials.clear();
        }
    }

    /**
     * @return the configured CA key password and token PIN, each null when not configured; the caller clears them
     * @throws MojoFailureException if a configured source has no value
     */
    protected CaCredentials caCredentials() throws MojoFailureException {
        Secrets secrets = new Secrets(settings(), settingsDecrypter(), System.getenv());
        char[] password = secrets.resolve(Secret.CA_PASSWORD, caPasswordServerId, caPasswordEnv);
        try {
            return new CaCredentials(password, secrets.resolve(Secret.TOKEN_PIN, pkcs11PinServerId, pkcs11PinEnv));
        } catch (MojoFailureException e) {
            CaCredentials.ofPassword(password).clear();
            throw e;
        }
    }

    /** @return this user and host, asking through this goal (the audit log's requester) */
    protected Requester requester() {
        return Requester.current("mvn iot:" + goal());
    }
}
