package io.jitp.emulator.template;

import java.util.Map;

/**
 * What intrinsic functions look up while a template is evaluated: parameters, pseudo parameters, resources and
 * mappings. CloudFormation and JITP each supply their own; unknown names raise {@link TemplateException}.
 */
public interface IntrinsicContext {

    /**
     * @param name a parameter, pseudo parameter ({@code AWS::Region}) or logical resource id
     * @return its value: a string, or a list of strings for list-typed parameters
     */
    Object ref(String name);

    /**
     * @param logicalId a resource of the template
     * @param attribute the attribute name ({@code Arn}, {@code QueueName}, …)
     * @return the attribute's value
     */
    Object getAtt(String logicalId, String attribute);

    /** @return the template's {@code Mappings} section, empty when it has none */
    Map<String, Object> mappings();
}
