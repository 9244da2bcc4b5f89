package io.jitp.emulator.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WildcardsTest {

    @Test
    void starMatchesAnyRunAcrossSlashes() {
        assertTrue(Wildcards.matches("topic/*", "topic/a/b/c", false));
        assertTrue(Wildcards.matches("*", "", false));
        assertTrue(Wildcards.matches("a*b*c", "axxbyyc", false));
        assertTrue(Wildcards.matches("a*c", "abcbc", false));
        assertFalse(Wildcards.matches("a*c", "abcb", false));
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertTrue(Wildcards.matches("dev?", "dev1", false));
        assertFalse(Wildcards.matches("dev?", "dev", false));
        assertFalse(Wildcards.matches("dev?", "dev12", false));
    }

    @Test
    void mqttWildcardsAreLiteral() {
        assertFalse(Wildcards.matches("topicfilter/a/#", "topicfilter/a/b", false));
        assertTrue(Wildcards.matches("topicfilter/a/#", "topicfilter/a/#", false));
        assertFalse(Wildcards.matches("topic/+/x", "topic/a/x", false));
    }

    @Test
    void caseSensitivityIsChosenByTheCaller() {
        assertFalse(Wildcards.matches("topic/A", "topic/a", false));
        assertTrue(Wildcards.matches("iot:publish", "iot:Publish", true));
    }
}
