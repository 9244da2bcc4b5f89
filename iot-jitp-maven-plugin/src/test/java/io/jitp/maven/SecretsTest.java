package io.jitp.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {
    /** Stands in for Maven's decrypter: "{enc}" passwords decrypt by dropping the marker. */
    private static final SettingsDecrypter DECRYPTER = request -> {
        Server server = request.getServers().get(0).clone();
        server.setPassword(server.getPassword().replace("{enc}", ""));
        return new SettingsDecryptionResult() {
            @Override
            public Server getServer() {
                return server;
            }

            @Override
            public List<Server> getServers() {
                return List.of(server);
            }

            @Override
            public Proxy getProxy() {
                return null;
            }

            @Override
            public List<Proxy> getProxies() {
                return List.of();
            }

            @Override
            public List<SettingsProblem> getProblems() {
                return List.of();
            }
        };
    };

    @Test
    void serverPasswordIsDecryptedThroughTheSettingsDecrypter() throws Exception {
        Secrets passwords = new Secrets(settingsWith("ca", "{enc}s3cret"), DECRYPTER, Map.of());
        assertArrayEquals("s3cret".toCharArray(), passwords.resolve(Secret.CA_PASSWORD, "ca", null));
    }

    @Test
    void environmentVariableIsNamedNotGiven() throws Exception {
        Secrets passwords = new Secrets(new Settings(), DECRYPTER, Map.of("MY_CA_PW", "from-env"));
        assertArrayEquals("from-env".toCharArray(), passwords.resolve(Secret.CA_PASSWORD, null, "MY_CA_PW"));
        assertNull(passwords.resolve(Secret.CA_PASSWORD, null, " "), "no source: unencrypted key");
    }

    @Test
    void misconfigurationsNameTheParameterAndTheFix() {
        Secrets passwords = new Secrets(settingsWith("ca", ""), DECRYPTER, Map.of());

        assertMessage(() -> passwords.resolve(Secret.CA_PASSWORD, "absent", null), "no <server> with <id>absent</id>",
                "iot.caPasswordServerId");
        assertMessage(() -> passwords.resolve(Secret.CA_PASSWORD, "ca", null), "server ca", "has no <password>");
        assertMessage(() -> passwords.resolve(Secret.CA_PASSWORD, null, "UNSET_VAR"), "UNSET_VAR", "iot.caPasswordEnv");
        assertMessage(() -> passwords.resolve(Secret.CA_PASSWORD, "ca", "X"), "Both iot.caPasswordServerId and iot.caPasswordEnv", "");
    }

    @Test
    void theTokenPinHasItsOwnParameters() throws Exception {
        Secrets secrets = new Secrets(settingsWith("hsm", "{enc}1234"), DECRYPTER, Map.of("PIN_VAR", "5678"));
        assertArrayEquals("1234".toCharArray(), secrets.resolve(Secret.TOKEN_PIN, "hsm", null));
        assertArrayEquals("5678".toCharArray(), secrets.resolve(Secret.TOKEN_PIN, null, "PIN_VAR"));
        assertMessage(() -> secrets.resolve(Secret.TOKEN_PIN, null, "UNSET_PIN"), "UNSET_PIN", "iot.pkcs11.pinEnv");
        assertMessage(() -> secrets.resolve(Secret.TOKEN_PIN, "absent", null), "absent", "iot.pkcs11.pinServerId");
        assertMessage(() -> secrets.resolve(Secret.TOKEN_PIN, "hsm", "PIN_VAR"),
                "Both iot.pkcs11.pinServerId and iot.pkcs11.pinEnv", "PKCS#11 token PIN");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part1, String part2) {
        var e = assertThrows(MojoFailureException.class, call);
        assertTrue(e.getMessage().contains(part1) && e.getMessage().contains(part2), e.getMessage());
    }

    private static Settings settingsWith(String id, String password) {
        Server server = new Server();
        server.setId(id);
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }
}
