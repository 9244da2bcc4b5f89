package io.jitp.emulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two parts of {@code $share/<group>/<filter>} and the filters that are no valid shared subscription. */
class SharedSubscriptionsTest {

    @Test
    void theRealFilterIsWhatFollowsTheShareName() {
        assertEquals("sensor/+/temp", SharedSubscriptions.topicFilterOf("$share/workers/sensor/+/temp"));
        assertEquals("#", SharedSubscriptions.topicFilterOf("$share/g/#"));
        assertEquals("sensor/#", SharedSubscriptions.topicFilterOf("sensor/#"), "a plain filter is itself");
        assertEquals("$shared/x", SharedSubscriptions.topicFilterOf("$shared/x"), "only the $share/ prefix");
    }

    @Test
    void emptyOrWildcardShareNamesAndMissingFiltersAreRefused() {
        assertEquals(Optional.empty(), SharedSubscriptions.problem("$share/workers/sensor/#"));
        assertEquals(Optional.empty(), SharedSubscriptions.problem("sensor/#"));
        for (String bad : new String[] {"$share//sensor", "$share/+/sensor", "$share/a#/sensor", "$share/workers",
                "$share/workers/"}) {
            assertTrue(SharedSubscriptions.problem(bad).isPresent(), bad);
        }
    }
}
