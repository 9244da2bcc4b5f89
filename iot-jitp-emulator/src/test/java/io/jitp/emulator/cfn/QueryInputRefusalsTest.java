package io.jitp.emulator.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.cfn.resources.IamRoleProvisioner;
import io.jitp.emulator.cfn.resources.ResourceTypes;
import io.jitp.emulator.http.HttpReply;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Query-protocol inputs no CLI would send still get CloudFormation's 400 ValidationError, never a 500. */
class QueryInputRefusalsTest {
    @Test
    void aParameterValueWithoutItsKeyIsAValidationError() throws Exception {
        // Found by ControlPlaneFuzzTest: member.0 key and member.1 value made a null key and a NullPointerException.
        CloudFormationService service = new CloudFormationService("eu-west-1", "123456789012",
                new ResourceTypes().register("AWS::IAM::Role", new IamRoleProvisioner()), null);

        HttpReply reply = service.handle(Map.of("Action", "CreateStack", "StackName", "s",
                "TemplateBody", "Parameters:\n  P:\n    Type: String\nResources:\n  R:\n    Type: AWS::IAM::Role\n",
                "Parameters.member.1.ParameterValue", "v"));

        String body = new String(reply.body(), StandardCharsets.UTF_8);
        assertEquals(400, reply.status(), body);
        assertTrue(body.contains("<Code>ValidationError</Code>") && body.contains("Value null at"
                + " &apos;parameters.1.member.parameterKey&apos; failed to satisfy constraint: Member must not be null"),
                body);
    }
}
