package io.jitp.emulator;

import io.jitp.emulator.state.StateFile;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The access key and secret clients must sign with. Without a configured secret, one is generated on the first
 * start and kept in {@value #FILE} (mode 0600), so the clients configured from {@code endpoints.json} keep working
 * across restarts.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret access key (never logged)
 */
public record StandInCredentials(String accessKeyId, String secretAccessKey) {
    /** File that keeps a generated secret. */
    public static final String FILE = "credentials.json";

    /** Stored form of a generated secret. */
    record Stored(String secretAccessKey) {
    }

    /**
     * @param config the configuration (its secret wins when set)
     * @return the credentials to verify signatures against
     * @throws IOException if the stored secret cannot be read or written
     */
    public static StandInCredentials resolve(EmulatorConfig config) throws IOException {
        if (config.secretAccessKey() != null) {
            return new StandInCredentials(config.accessKeyId(), config.secretAccessKey());
        }
        StateFile<Stored> file = new StateFile<>(config.stateDirectory().resolve(FILE), Stored.class);
        String secret = file.load().map(Stored::secretAccessKey).orElse(null);
        if (secret == null) {
            byte[] random = new byte[30];
            new SecureRandom().nextBytes(random);
            secret = Base64.getEncoder().encodeToString(random);
            file.save(new Stored(secret));
        }
        return new StandInCredentials(config.accessKeyId(), secret);
    }

    @Override
    public String toString() {
        return "StandInCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<hidden>]";
    }
}
