package io.jitp.integration;

import io.jitp.core.pki.Pkcs11Slot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A SoftHSM2 token made for this test run in a temporary token folder. SoftHSM2 reads its configuration once per
 * process, from the file {@code SOFTHSM2_CONF} names (surefire sets it); so one token serves the whole run, written
 * before the module is first loaded, and test classes keep apart by key alias. Closing deletes the token folder.
 */
final class SoftHsmToken implements AutoCloseable {
    /** Test-only PIN; it must never appear in any output (the tests grep for it). */
    private static final String PIN = "it-token-pin-5150";
    private static final Pattern REASSIGNED = Pattern.compile("reassigned to slot (\\d+)");

    private final Path tokens;
    private final Pkcs11Slot slot;

    private SoftHsmToken(Path tokens, Pkcs11Slot slot) {
        this.tokens = tokens;
        this.slot = slot;
    }

    /** @return a fresh, initialized token; the test is skipped with a notice when SoftHSM2 is not installed */
    static SoftHsmToken create() throws IOException, InterruptedException {
        String conf = System.getenv("SOFTHSM2_CONF");
        Path library = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
                        Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so")).stream()
                .filter(Files::isRegularFile).findFirst().orElse(null);
        Assumptions.assumeTrue(library != null && conf != null && onPath("softhsm2-util"),
                "SoftHSM2 (apt-get install softhsm2) or SOFTHSM2_CONF is missing: PKCS#11 CA tests skipped");
        Path tokens = Files.createTempDirectory("iot-jitp-softhsm");
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\nslots.removable = false\n");
        // softhsm2-util is a test fixture: the PINs on its command line are throw-away test values.
        Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "iot-jitp-it",
                "--so-pin", "it-so-pin-0000", "--pin", PIN).redirectErrorStream(true).start();
        String output = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher slot = REASSIGNED.matcher(output);
        if (init.waitFor() != 0 || !slot.find()) {
            throw new IllegalStateException("softhsm2-util --init-token failed: " + output);
        }
        return new SoftHsmToken(tokens, new Pkcs11Slot(library, Long.parseLong(slot.group(1)), 0));
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    /** @return where the token is */
    Pkcs11Slot slot() {
        return slot;
    }

    /** @return a fresh copy of the user PIN (callers clear their copy) */
    char[] pin() {
        return PIN.toCharArray();
    }

    /** @return the PIN, for tests that grep output for it */
    static String pinText() {
        return PIN;
    }

    @Override
    public void close() throws IOException {
        try (var files = Files.walk(tokens)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
