package io.jitp.core.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What deploy-stack reads from the user: template names or files, and parameter overrides. */
class StackInputsTest {
    @TempDir
    Path folder;

    @Test
    void parsesParameterOverridesInOrder() {
        assertEquals(List.of("TopicName", "Other"), List.copyOf(StackParameters.parse(
                "TopicName=loadtest, Other = x=y", "p").keySet()));
        assertEquals("x=y", StackParameters.parse("Other=x=y", "p").get("Other"));
        assertEquals(Map.of(), StackParameters.parse(" ", "p"));
        assertEquals("", StackParameters.parse("Empty=", "p").get("Empty"));
    }

    @Test
    void rejectsPairsWithoutAKeyOrGivenTwice() {
        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> StackParameters.parse("TopicName", "iot.stackParameters"));
        assertTrue(missing.getMessage().startsWith("iot.stackParameters has 'TopicName'; write Key=Value pairs"),
                missing.getMessage());
        assertThrows(InvalidInputException.class, () -> StackParameters.parse("A=1,A=2", "p"));
    }

    @Test
    void resolvesBundledTemplatesAndFiles() throws Exception {
        for (String name : StackTemplate.BUNDLED) {
            StackTemplate template = StackTemplate.resolve(name, folder);
            assertEquals(name, template.name());
            assertTrue(template.body().startsWith("AWSTemplateFormatVersion: '2010-09-09'"), name);
        }
        Files.writeString(folder.resolve("mine.json"), "{\"Resources\": {}}");
        StackTemplate mine = StackTemplate.resolve("mine.json", folder);
        assertEquals("mine", mine.name());
        assertEquals("{\"Resources\": {}}", mine.body());
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> StackTemplate.resolve("nope", folder));
        assertTrue(unknown.getMessage().startsWith("Stack template 'nope' is neither a bundled template"
                + " (jitp-provisioning, sqs-forwarding, loadtest-policy) nor an existing file"), unknown.getMessage());
    }

    @Test
    void keepsIotPolicyVariablesLiteralInBundledTemplates() {
        for (String name : List.of(StackTemplate.JITP_PROVISIONING, StackTemplate.LOADTEST_POLICY)) {
            String body = StackTemplate.bundled(name).body();
            assertTrue(body.contains("${!iot:Certificate.Subject.CommonName}"), name);
            assertTrue(!body.contains("${iot:"), name + " lets Fn::Sub substitute an IoT policy variable");
        }
        assertTrue(StackTemplate.bundled(StackTemplate.LOADTEST_POLICY).body()
                .contains("Action: iot:Receive\n            Resource:\n              - !Sub 'arn:aws:iot:${AWS::Region}"
                        + ":${AWS::AccountId}:topic/loadtest/*'"));
    }
}
