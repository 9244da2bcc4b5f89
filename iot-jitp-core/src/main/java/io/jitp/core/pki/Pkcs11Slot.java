package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a PKCS#11 token is: the module (shared library) and the slot, either by id ({@code slot}) or by position in
 * the module's slot list ({@code slotListIndex}), as the JDK's SunPKCS11 provider selects it.
 *
 * @param library       the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
 * @param slotId        the slot id, or null to select by {@code slotListIndex}
 * @param slotListIndex the position in the slot list, used when {@code slotId} is null
 */
public record Pkcs11Slot(Path library, Long slotId, int slotListIndex) {

    /** Checks the slot selection; the library is checked when the token is opened. */
    public Pkcs11Slot {
        if (library == null) {
            throw new InvalidInputException("A PKCS#11 token needs its library (iot.pkcs11.library), e.g."
                    + " /usr/lib/softhsm/libsofthsm2.so");
        }
        library = library.toAbsolutePath().normalize();
        if (slotId == null && slotListIndex < 0) {
            throw new InvalidInputException("PKCS#11 slotListIndex must be 0 or more, not " + slotListIndex);
        }
    }

    /**
     * @return the SunPKCS11 configuration: private keys generated in the token are sensitive and never extractable
     */
    String providerConfiguration() {
        if (!Files.isRegularFile(library)) {
            throw new InvalidInputException("PKCS#11 library " + library + " does not exist; install the token's"
                    + " module (for SoftHSM2: apt-get install softhsm2, then find it with dpkg -L libsofthsm2) and"
                    + " point iot.pkcs11.library at it");
        }
        // Inline configuration ("--" prefix); quoted because module paths may contain spaces.
        return "--name = iot-jitp\n"
                + "library = \"" + library + "\"\n"
                + (slotId != null ? "slot = " + slotId : "slotListIndex = " + slotListIndex) + "\n"
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n"
                + "  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n"
                + "}\n";
    }

    @Override
    public String toString() {
        return "PKCS#11 " + (slotId != null ? "slot " + slotId : "slot list index " + slotListIndex) + " of "
                + library;
    }
}
