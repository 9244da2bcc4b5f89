package io.jitp.emulator.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {

    private final IntrinsicContext context = new FixedIntrinsicContext();

    private final Intrinsics intrinsics = new Intrinsics(context);

    private Object eval(String yaml) {
        return intrinsics.evaluate(TemplateReader.read("Value: " + yaml).get("Value"));
    }

    @Test
    void subResolvesPseudoParametersParametersAndAttributesButLeavesPolicyVariablesAndLiterals() {
        assertEquals("arn:aws:iot:eu-west-1:123456789012:client/${iot:Certificate.Subject.CommonName}",
                eval("!Sub 'arn:aws:iot:${AWS::Region}:${AWS::AccountId}:client/${iot:Certificate.Subject.CommonName}'"));
        assertEquals("loadtestQueue Queue/Arn ${Literal} iot", eval("!Sub '${TopicName}Queue ${Queue.Arn} ${!Literal} ${AWS::StackName}'"));
    }

    @Test
    void subListFormPrefersItsOwnVariables() {
        assertEquals("x-loadtest-eu-west-1",
                eval("!Sub ['${Prefix}-${TopicName}-${AWS::Region}', {Prefix: !Join ['', [x]]}]"));
    }

    @Test
    void joinSelectSplitFindInMapAndGetAttForms() {
        assertEquals("a:b", eval("!Join [':', !Ref Subnets]"));
        assertEquals("b", eval("!Select [1, !Split [',', 'a,b,c']]"));
        assertEquals("b", eval("!Select ['1', !Ref Subnets]"));
        assertEquals("ami-1", eval("!FindInMap [Regions, !Ref AWS::Region, Ami]"));
        assertEquals("Role/Arn", eval("!GetAtt Role.Arn"));
        assertEquals("Role/Arn", intrinsics.evaluate(Map.of("Fn::GetAtt", List.of("Role", "Arn"))));
        assertEquals("Role/Arn", intrinsics.evaluate(Map.of("Fn::GetAtt", "Role.Arn")));
        assertEquals("bG9hZHRlc3Q=", eval("!Base64 {Ref: TopicName}"));
    }

    @Test
    void unknownFunctionIsNamedInTheError() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> intrinsics.evaluate(Map.of("Fn::If", List.of("c", "a", "b"))));
        assertTrue(e.getMessage().contains("Fn::If"), e.getMessage());
        TemplateException tagged = assertThrows(TemplateException.class, () -> eval("!ImportValue shared-queue"));
        assertTrue(tagged.getMessage().startsWith("Unsupported intrinsic function Fn::ImportValue"), tagged.getMessage());
    }

    @Test
    void selectOutOfBoundsAndUnresolvedReferenceFail() {
        assertThrows(TemplateException.class, () -> eval("!Select [5, [a]]"));
        TemplateException e = assertThrows(TemplateException.class, () -> eval("!Ref Missing"));
        assertTrue(e.getMessage().contains("Missing"));
    }

    @Test
    void referencesCoverRefGetAttAndSubButNotPolicyVariables() {
        Object node = TemplateReader.read("""
                A: !Ref Queue
                B: !GetAtt Role.Arn
                C: !Sub '${Rule} ${Topic.Arn} ${iot:ClientId} ${!Nope} ${Local}'
                D: !Sub ['${Local}', {Local: x}]
                """);
        assertEquals(List.of("Queue", "Role", "Rule", "Topic", "Local"), List.copyOf(TemplateReferences.of(node)));
    }
}
