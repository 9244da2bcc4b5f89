package io.jitp.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import java.util.Map;

/**
 * Finds the CA key password without it ever being on a command line: in a settings.xml {@code <server>} (decrypted
 * with Maven's master password when encrypted) or in an environment variable whose <em>name</em> is configured.
 */
final class CaPasswords {
    private final Settings settings;
    private final SettingsDecrypter decrypter;
    private final Map<String, String> environment;

    CaPasswords(Settings settings, SettingsDecrypter decrypter, Map<String, String> environment) {
        this.settings = settings;
        this.decrypter = decrypter;
        this.environment = environment;
    }

    /**
     * @param serverId     settings.xml server id, or null
     * @param variableName environment variable name, or null
     * @return the password, or null when neither is configured (the CA key is then stored unencrypted)
     * @throws MojoFailureException naming the parameter when the configured source has no password
     */
    char[] resolve(String serverId, String variableName) throws MojoFailureException {
        boolean server = serverId != null && !serverId.isBlank();
        boolean variable = variableName != null && !variableName.isBlank();
        if (server && variable) {
            throw new MojoFailureException("Both " + PropertyNames.CA_PASSWORD_SERVER_ID + " and "
                    + PropertyNames.CA_PASSWORD_ENV + " are set; keep only one source of the CA key password");
        }
        if (server) {
            return fromServer(serverId);
        }
        if (variable) {
            String value = environment.get(variableName);
            if (value == null || value.isEmpty()) {
                throw new MojoFailureException("Environment variable " + variableName + " (named by "
                        + PropertyNames.CA_PASSWORD_ENV + ") is not set or empty; export it before running Maven,"
                        + " e.g. read -s " + variableName + " && export " + variableName);
            }
            return value.toCharArray();
        }
        return null;
    }

    private char[] fromServer(String serverId) throws MojoFailureException {
        Server server = DecryptedServers.get(settings, decrypter, serverId, PropertyNames.CA_PASSWORD_SERVER_ID);
        String password = server.getPassword();
        if (password == null || password.isEmpty()) {
            throw new MojoFailureException("settings.xml server " + serverId + " (named by "
                    + PropertyNames.CA_PASSWORD_SERVER_ID + ") has no <password>; add one");
        }
        return password.toCharArray();
    }
}
