package io.jitp.emulator.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {

    @Test
    void yamlShortTagsBecomeTheLongForm() {
        Map<String, Object> tree = TemplateReader.read("""
                Resources:
                  Policy:
                    Type: AWS::IoT::Policy
                    Properties:
                      PolicyName: !Ref Name
                      Arn: !GetAtt Role.Arn
                      Joined: !Join ['', [a, !Ref B]]
                      Version: 2012-10-17
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                tree.get("Resources")).get("Policy")).get("Properties");
        assertEquals(Map.of("Ref", "Name"), properties.get("PolicyName"));
        assertEquals(Map.of("Fn::GetAtt", List.of("Role", "Arn")), properties.get("Arn"));
        assertEquals(Map.of("Fn::Join", List.of("", List.of("a", Map.of("Ref", "B")))), properties.get("Joined"));
        assertEquals("2012-10-17", properties.get("Version"));
    }

    @Test
    void jsonIsReadInOrder() {
        Map<String, Object> tree = TemplateReader.read("{\"b\": 1, \"a\": {\"Ref\": \"X\"}}");
        assertEquals(List.of("b", "a"), List.copyOf(tree.keySet()));
    }

    @Test
    void malformedTemplatesAreReportedAsFormatErrors() {
        assertTrue(assertThrows(TemplateException.class, () -> TemplateReader.read("{\"a\": ")).getMessage()
                .startsWith("Template format error"));
        assertThrows(TemplateException.class, () -> TemplateReader.read("- a\n- b"));
        assertThrows(TemplateException.class, () -> TemplateReader.read(" "));
        assertTrue(assertThrows(TemplateException.class, () -> TemplateReader.read("A: 1\nA: 2")).getMessage()
                .contains("duplicate key"));
    }

    @Test
    void yamlAliasesAreRefusedAsCloudFormationDoesSoNoTreeContainsItself() {
        // Found by TemplateFuzzTest: the self-referencing list overflowed the stack of the intrinsic evaluator.
        var e = assertThrows(TemplateException.class, () -> TemplateReader.read("a: &x [*x]\n"));
        assertTrue(e.getMessage().contains("YAML aliases are not allowed") && e.getMessage().contains("line 1")
                && e.getMessage().contains("*x"), e.getMessage());
    }
}
