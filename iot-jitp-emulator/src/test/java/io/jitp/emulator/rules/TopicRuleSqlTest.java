package io.jitp.emulator.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TopicRuleSqlTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void selectStarFromFilter() throws Exception {
        TopicRuleSql sql = TopicRuleSql.parse("SELECT * FROM 'loadtest'");
        assertEquals("loadtest", sql.topicFilter());
        assertTrue(sql.matches("loadtest", null));
        assertFalse(sql.matches("loadtest/x", null));
        TopicRuleSql wildcard = TopicRuleSql.parse("select * from 'sensors/+/temp'");
        assertTrue(wildcard.matches("sensors/k/temp", json("{}")));
        assertFalse(TopicRuleSql.parse("SELECT * FROM 'a/#'").matches("a", null));
    }

    @Test
    void whereComparesJsonFields() throws Exception {
        TopicRuleSql sql = TopicRuleSql.parse(
                "SELECT * FROM 't' WHERE temperature > 20.5 AND (room = 'kitchen' OR room <> 'cellar')");
        assertTrue(sql.matches("t", json("{\"temperature\":21,\"room\":\"kitchen\"}")));
        assertTrue(sql.matches("t", json("{\"temperature\":30,\"room\":\"hall\"}")));
        assertFalse(sql.matches("t", json("{\"temperature\":30,\"room\":\"cellar\"}")));
        assertFalse(sql.matches("t", json("{\"temperature\":20.5,\"room\":\"kitchen\"}")));
        assertFalse(sql.matches("t", json("{\"room\":\"kitchen\"}")), "a missing field compares false");
        assertFalse(sql.matches("t", null), "a payload that is not JSON never satisfies WHERE");
    }

    @Test
    void operatorsLiteralsAndNestedFields() throws Exception {
        JsonNode payload = json("{\"a\":{\"b\":-3},\"on\":true,\"name\":\"it's\"}");
        assertTrue(TopicRuleSql.parse("SELECT * FROM 't' WHERE a.b < 0").matches("t", payload));
        assertTrue(TopicRuleSql.parse("SELECT * FROM 't' WHERE a.b >= -3 AND a.b <= -3").matches("t", payload));
        assertTrue(TopicRuleSql.parse("SELECT * FROM 't' WHERE on = true").matches("t", payload));
        assertTrue(TopicRuleSql.parse("SELECT * FROM 't' WHERE name = 'it''s'").matches("t", payload));
        assertTrue(TopicRuleSql.parse("SELECT * FROM 't' WHERE NOT name != 'it''s'").matches("t", payload));
        assertFalse(TopicRuleSql.parse("SELECT * FROM 't' WHERE name = 3").matches("t", payload),
                "values of different kinds are not equal");
        assertTrue(TopicRuleSql.parse("SELECT * FROM 't' WHERE a.b = -3.0").matches("t", payload),
                "numbers compare by value");
    }

    @Test
    void unsupportedOrMalformedStatementsAreRefusedWithTheReason() {
        IllegalArgumentException select = assertThrows(IllegalArgumentException.class,
                () -> TopicRuleSql.parse("SELECT temperature FROM 't'"));
        assertTrue(select.getMessage().contains("only SELECT *"), select.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TopicRuleSql.parse("SELECT * FROM t"));
        assertThrows(IllegalArgumentException.class, () -> TopicRuleSql.parse("SELECT * FROM 't"));
        assertThrows(IllegalArgumentException.class, () -> TopicRuleSql.parse("SELECT * FROM 't' WHERE a ="));
        assertThrows(IllegalArgumentException.class, () -> TopicRuleSql.parse("SELECT * FROM 't' WHERE (a = 1"));
        assertThrows(IllegalArgumentException.class, () -> TopicRuleSql.parse("SELECT * FROM 't' LIMIT 1"));
        assertThrows(IllegalArgumentException.class, () -> TopicRuleSql.parse("SELECT * FROM 'a/#/b'"));
    }
}
