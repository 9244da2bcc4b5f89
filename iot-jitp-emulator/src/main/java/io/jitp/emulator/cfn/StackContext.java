package io.jitp.emulator.cfn;

import io.jitp.emulator.template.IntrinsicContext;
import io.jitp.emulator.template.TemplateException;
import java.util.List;
import java.util.Map;

/** Resolves a stack's references: parameter values, pseudo parameters, and the resources provisioned so far. */
final class StackContext implements IntrinsicContext {

    private final String region;
    private final String accountId;
    private final Stack stack;
    private final StackTemplate template;
    private final Map<String, String> parameterValues;

    StackContext(String region, String accountId, Stack stack, StackTemplate template,
                 Map<String, String> parameterValues) {
        this.region = region;
        this.accountId = accountId;
        this.stack = stack;
        this.template = template;
        this.parameterValues = parameterValues;
    }

    @Override
    public Object ref(String name) {
        ParameterDeclaration declaration = template.parameters().get(name);
        if (declaration != null) {
            String value = parameterValues.get(name);
            return declaration.isList() ? List.of(value.split(",", -1)) : value;
        }
        if (PseudoParameters.NAMES.contains(name)) {
            return PseudoParameters.value(name, region, accountId, stack);
        }
        return provisioned(name).physicalId();
    }

    @Override
    public Object getAtt(String logicalId, String attribute) {
        String value = provisioned(logicalId).attributes().get(attribute);
        if (value == null) {
            throw new TemplateException("Template error: resource " + logicalId
                    + " does not support attribute type " + attribute + " in Fn::GetAtt");
        }
        return value;
    }

    @Override
    public Map<String, Object> mappings() {
        return template.mappings();
    }

    private StackResource provisioned(String logicalId) {
        StackResource resource = stack.resources.get(logicalId);
        if (resource == null) {
            throw new TemplateException("Unresolved reference " + logicalId + ": no such parameter or created resource");
        }
        return resource;
    }
}
