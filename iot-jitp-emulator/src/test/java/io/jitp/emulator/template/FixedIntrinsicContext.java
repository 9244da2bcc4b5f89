package io.jitp.emulator.template;

import java.util.List;
import java.util.Map;

/** Fixed answers for references, attributes and mappings, for tests of the template engine. */
public final class FixedIntrinsicContext implements IntrinsicContext {
    @Override
    public Object ref(String name) {
        return switch (name) {
            case "AWS::Region" -> "eu-west-1";
            case "AWS::AccountId" -> "123456789012";
            case "AWS::StackName" -> "iot";
            case "TopicName" -> "loadtest";
            case "Subnets" -> List.of("a", "b");
            default -> throw new TemplateException("Unresolved reference " + name);
        };
    }

    @Override
    public Object getAtt(String logicalId, String attribute) {
        return logicalId + "/" + attribute;
    }

    @Override
    public Map<String, Object> mappings() {
        return Map.of("Regions", Map.of("eu-west-1", Map.of("Ami", "ami-1")));
    }
}
