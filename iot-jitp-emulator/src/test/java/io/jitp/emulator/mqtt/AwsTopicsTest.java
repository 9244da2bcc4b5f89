package io.jitp.emulator.mqtt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AwsTopicsTest {

    @Test
    void hashDoesNotMatchItsParentLevel() {
        assertTrue(AwsTopics.matches("sensor/#", "sensor/a"));
        assertTrue(AwsTopics.matches("sensor/#", "sensor/a/b"));
        assertFalse(AwsTopics.matches("sensor/#", "sensor"));
        assertTrue(AwsTopics.matches("#", "sensor"));
    }

    @Test
    void plusMatchesOneLevel() {
        assertTrue(AwsTopics.matches("a/+/c", "a/b/c"));
        assertFalse(AwsTopics.matches("a/+/c", "a/b/d/c"));
        assertTrue(AwsTopics.matches("a/+", "a/"));
        assertFalse(AwsTopics.matches("a/+", "a"));
        assertTrue(AwsTopics.matches("/register", "/register"));
        assertFalse(AwsTopics.matches("a/b", "a/b/c"));
    }

    @Test
    void wildcardsAtTheStartSkipDollarTopics() {
        assertFalse(AwsTopics.matches("#", "$aws/events/x"));
        assertFalse(AwsTopics.matches("+/events/x", "$aws/events/x"));
        assertTrue(AwsTopics.matches("$aws/events/#", "$aws/events/x"));
    }

    @Test
    void sizeLimits() {
        assertTrue(AwsTopics.topicNameProblem("a/b/c/d/e/f/g/h").isEmpty());
        assertTrue(AwsTopics.topicNameProblem("a/b/c/d/e/f/g/h/i").isPresent());
        assertTrue(AwsTopics.topicNameProblem("x".repeat(256)).isEmpty());
        assertTrue(AwsTopics.topicNameProblem("x".repeat(257)).isPresent());
        assertTrue(AwsTopics.topicNameProblem("é".repeat(129)).isPresent());
        assertTrue(AwsTopics.topicFilterProblem("a/b/c/d/e/f/g/#").isEmpty());
        assertTrue(AwsTopics.topicFilterProblem("a/b/c/d/e/f/g/h/#").isPresent());
    }

    @Test
    void malformedNamesAndFilters() {
        assertTrue(AwsTopics.topicNameProblem("a/+").isPresent());
        assertTrue(AwsTopics.topicNameProblem("").isPresent());
        assertTrue(AwsTopics.topicFilterProblem("a/#/b").isPresent());
        assertTrue(AwsTopics.topicFilterProblem("a/b#").isPresent());
        assertTrue(AwsTopics.topicFilterProblem("a+/b").isPresent());
        assertTrue(AwsTopics.topicFilterProblem("+/+/#").isEmpty());
        assertTrue(AwsTopics.isWildcard("a/+"));
        assertFalse(AwsTopics.isWildcard("a/b"));
    }
}
