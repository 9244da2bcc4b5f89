package io.jitp.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** Reads a settings.xml {@code <server>} with its password decrypted (Maven's master password), never logging it. */
final class DecryptedServers {
    private DecryptedServers() {
    }

    /**
     * @param settings  the user's settings
     * @param decrypter Maven's decrypter
     * @param serverId  the server id
     * @param property  the property that named the server, for error messages
     * @return the server with its password decrypted
     * @throws MojoFailureException if there is no such server or its password cannot be decrypted
     */
    static Server get(Settings settings, SettingsDecrypter decrypter, String serverId, String property)
            throws MojoFailureException {
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoFailureException("settings.xml has no <server> with <id>" + serverId + "</id> (named by "
                    + property + "); add <server><id>" + serverId
                    + "</id><password>...</password></server> (encrypt it with mvn --encrypt-password)");
        }
        var result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoFailureException("Cannot decrypt the password of settings.xml server " + serverId
                        + ": " + problem.getMessage() + "; check ~/.m2/settings-security.xml");
            }
        }
        return result.getServer();
    }
}
