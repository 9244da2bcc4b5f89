package io.jitp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BindAddressWarningTest {
    @Test
    void loopbackAddressesAreQuiet() {
        assertEquals(Optional.empty(), BindAddressWarning.of("127.0.0.1"));
        assertEquals(Optional.empty(), BindAddressWarning.of("::1"));
        assertEquals(Optional.empty(), BindAddressWarning.of("localhost"));
    }

    @Test
    void anyOtherAddressIsLoud() {
        for (String address : new String[] {"0.0.0.0", "::", "192.168.1.20"}) {
            String warning = BindAddressWarning.of(address).orElseThrow();
            assertTrue(warning.startsWith("WARNING") && warning.contains(address)
                    && warning.contains("--bind 127.0.0.1"), warning);
        }
    }
}
