package io.jitp.integration;

import io.jitp.core.pki.CaCredentials;
import io.jitp.core.pki.CaStore;
import io.jitp.core.pki.Requester;
import io.jitp.core.Reporter;

import java.nio.file.Path;

/**
 * Loads a token CA with a wrong PIN in a fresh process and prints what the user would see. A fresh process because
 * PKCS#11 keeps a token logged in per process: once any test logged in, the token does not check PINs again in that
 * JVM (nor does it in one Maven run, whose first goal logs in).
 */
final class WrongPinProbe {
    private WrongPinProbe() {
    }

    /**
     * @param args CA folder, CA name; the wrong PIN comes from the environment variable PROBE_PIN
     */
    public static void main(String[] args) throws Exception {
        try {
            new CaStore(Path.of(args[0]), args[1]).load(new CaCredentials(null,
                    System.getenv("PROBE_PIN").toCharArray()), Requester.current("probe"), Reporter.silent());
            System.out.println("LOADED");
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                System.out.println(cause.getClass().getName() + ": " + cause.getMessage());
            }
        }
    }
}
