package io.jitp.emulator.cfn;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What CreateStack, UpdateStack and CreateChangeSet have in common: the template (or the previous one), the
 * parameters (values or {@code UsePreviousValue}) and the capabilities.
 */
final class StackRequest {

    final String templateBody;
    final boolean usePreviousTemplate;
    final Map<String, String> parameters = new LinkedHashMap<>();
    final Set<String> usePreviousValues = new LinkedHashSet<>();
    final List<String> capabilities;

    StackRequest(QueryForm form) {
        if (form.get("TemplateURL") != null) {
            throw CloudFormationException.validation(
                    "TemplateURL is not supported by the local stand-in (it has no S3): pass TemplateBody");
        }
        templateBody = form.get("TemplateBody");
        usePreviousTemplate = "true".equalsIgnoreCase(form.get("UsePreviousTemplate"));
        List<Map<String, String>> submitted = form.structures("Parameters");
        for (int i = 0; i < submitted.size(); i++) {
            Map<String, String> parameter = submitted.get(i);
            String key = parameter.get("ParameterKey");
            if (key == null) {
                throw CloudFormationException.validation("1 validation error detected: Value null at 'parameters."
                        + (i + 1) + ".member.parameterKey' failed to satisfy constraint: Member must not be null");
            }
            if ("true".equalsIgnoreCase(parameter.get("UsePreviousValue"))) {
                usePreviousValues.add(key);
            } else {
                parameters.put(key, parameter.getOrDefault("ParameterValue", ""));
            }
        }
        capabilities = form.list("Capabilities");
    }

    /** @return the template body to use, the stack's own when {@code UsePreviousTemplate} is set */
    String body(Stack existing) {
        if (usePreviousTemplate) {
            if (existing == null || existing.templateBody == null) {
                throw CloudFormationException.validation("UsePreviousTemplate needs an existing stack with a template");
            }
            return existing.templateBody;
        }
        if (templateBody == null || templateBody.isBlank()) {
            throw CloudFormationException.validation("Either Template URL or Template Body must be specified.");
        }
        return templateBody;
    }

    /** Resolves the parameter values against the template and checks the capabilities. */
    Map<String, String> resolve(StackTemplate template, Stack existing) {
        Map<String, String> values = template.resolveParameters(parameters, usePreviousValues,
                existing == null ? Map.of() : existing.parameters);
        RequiredCapabilities.of(template).check(capabilities);
        return values;
    }
}
