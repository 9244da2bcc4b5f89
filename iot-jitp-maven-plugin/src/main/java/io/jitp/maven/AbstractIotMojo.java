package io.jitp.maven;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;
import io.jitp.core.pki.CaCredentials;
import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyPasswordRequiredException;
import io.jitp.core.pki.Requester;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What every goal shares: skipping, the CA location and its password, and turning core errors into Maven's two kinds
 * of failure (a {@link MojoFailureException} for what the user can fix, a {@link MojoExecutionException} for the
 * unexpected). A goal implements {@link #run()}.
 */
public abstract class AbstractIotMojo extends AbstractMojo {
    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    private boolean skip;

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

    /**
     * The project, or Maven's stand-in when a goal runs without a POM.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    /**
     * The build session, for the directory Maven was started in.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    /**
     * The user's settings, for the {@code <server>} holding the CA key password.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private SettingsDecrypter settingsDecrypter;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("Skipping " + goal() + " (" + (skip ? PropertyNames.SKIP : goalSkipProperty()) + "=true)");
            return;
        }
        try {
            run();
        } catch (KeyPasswordRequiredException e) {
            throw new MojoFailureException(e.getMessage() + "; give the CA key password with -D"
                    + PropertyNames.CA_PASSWORD_ENV + "=<variable name> or -D" + PropertyNames.CA_PASSWORD_SERVER_ID
                    + "=<settings.xml server id>", e);
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(goal() + " failed: " + e, e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(goal() + " failed: " + e.getCause(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException(goal() + " failed unexpectedly: " + e.getMessage(), e);
        }
    }

    /**
     * The goal's work.
     *
     * @throws IOException          on unexpected I/O errors
     * @throws MojoFailureException for user mistakes found in the Mojo itself
     */
    protected abstract void run() throws IOException, MojoFailureException;

    /** @return the goal name, e.g. {@code provision-devices} */
    protected abstract String goal();

    /** @return true if the goal's own skip property is set */
    protected abstract boolean skipGoal();

    /** @return the goal's own skip property, e.g. {@code iot.provision-devices.skip} */
    protected String goalSkipProperty() {
        return "iot." + goal() + ".skip";
    }

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
        Secrets secrets = new Secrets(settings, settingsDecrypter, System.getenv());
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

    /**
     * @param configured the configured output folder, or null
     * @return where generated files go (see {@link OutputFolders#resolve})
     */
    protected Path outputFolder(File configured) {
        return OutputFolders.resolve(configured, project, session);
    }

    /** @return the build session */
    protected MavenSession session() {
        return session;
    }

    /** @return the project, or Maven's stand-in when a goal runs without a POM */
    protected MavenProject project() {
        return project;
    }

    /** @return the user's settings */
    protected Settings settings() {
        return settings;
    }

    /** @return decrypts settings.xml passwords */
    protected SettingsDecrypter settingsDecrypter() {
        return settingsDecrypter;
    }

    /** @return a reporter writing to the Maven log */
    protected Reporter reporter() {
        return new MavenReporter(getLog());
    }
}
