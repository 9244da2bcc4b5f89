package io.jitp.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import java.util.Map;

/**
 * Finds a secret (the CA key password, the token PIN) without it ever being on a command line: in a settings.xml
 * {@code <server>} (decrypted with Maven's master password when encrypted) or in an environment variable whose
 * <em>name</em> is configured. Messages name the parameters and sources, never the value.
 */
final class Secrets {
    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Map<String, String> environment;

    Secrets(Settings settings, SettingsDecrypter decrypter, Map<String, String> environment) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.environment = environment;
    }

    /**
     * @param secret       which secret
     * @param serverId     settings.xml server id, or null
     * @param variableName environment variable name, or null
     * @return the secret, or null when neither source is configured
     * @throws MojoFailureException naming the parameter when the configured source has no value
     */
    char[] resolve(Secret secret, String serverId, String variableName) throws MojoFailureException {
        boolean server = serverId != null && !serverId.isBlank();
        boolean variable = variableName != null && !variableName.isBlank();
        if (server && variable) {
            throw new MojoFailureException("Both " + secret.serverIdProperty() + " and " + secret.envProperty()
                    + " are set; keep only one source of the " + secret.description());
        }
        if (server) {
            return fromServer(secret, serverId);
        }
        if (variable) {
            String value = environment.get(variableName);
            if (value == null || value.isEmpty()) {
                throw new MojoFailureException("Environment variable " + variableName + " (named by "
                        + secret.envProperty() + ") is not set or empty; export it before running Maven,"
                        + " e.g. read -s " + variableName + " && export " + variableName);
            }
            return value.toCharArray();
        }
        return null;
    }

    private char[] fromServer(Secret secret, String serverId) throws MojoFailureException {
        Server server = DecryptedServers.get(settings, decrypter, serverId, secret.serverIdProperty());
        String password = server.getPassword();
        if (password == null || password.isEmpty()) {
            throw new MojoFailureException("settings.xml server " + serverId + " (named by "
                    + secret.serverIdProperty() + ") has no <password>; add the " + secret.description());
        }
        return password.toCharArray();
    }
}
