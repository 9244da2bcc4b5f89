package io.jitp.maven;

import io.jitp.core.stacks.StackParameters;
import io.jitp.core.stacks.StackResult;
import io.jitp.core.stacks.StackTemplate;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import software.amazon.awssdk.services.cloudformation.model.Capability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Creates or updates a CloudFormation stack (the seed's Makefiles): a bundled template ({@code jitp-provisioning},
 * the default: the IoTProvisioning role and the IoTAccess policy; {@code sqs-forwarding}: topic rule → SQS queue →
 * Lambda logger, parameter {@code TopicName}; {@code loadtest-policy}: LoadTestPolicy) or a JSON/YAML template file.
 * The change set is logged, executed and followed event by event; a template without changes is success. Outputs
 * go to {@code <outputDirectory>/stacks/<stack>.json} and to the project properties
 * {@code iot.stack.<stackName>.<OutputKey>} and {@code iot.stack.<OutputKey>} (e.g.
 * {@code ${iot.stack.ProvisioningRoleArn}}) for later goals.
 *
 * @since 0.1.0
 */
@Mojo(name = "deploy-stack", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, requiresProject = false,
        threadSafe = true)
public class DeployStackMojo extends AbstractStackMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DEPLOY_STACK_SKIP, defaultValue = "false")
    private boolean skipDeployStack;

    /**
     * Parameter overrides, {@code Key=Value} pairs separated by commas, e.g. {@code TopicName=loadtest}; others
     * keep the stack's current values on an update, or the template's defaults.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.STACK_PARAMETERS)
    private String stackParameters;

    /**
     * Capabilities acknowledged for the change set. The bundled templates create named IAM roles.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "CAPABILITY_NAMED_IAM")
    private List<String> capabilities;

    @Override
    protected void runAws() throws IOException {
        StackTemplate template = template();
        String name = stackName(template);
        StackResult result = deployer().deploy(name, template,
                StackParameters.parse(stackParameters, PropertyNames.STACK_PARAMETERS),
                capabilities.stream().map(Capability::fromValue).toList());
        Path file = stackFile(name);
        result.write(file);
        result.outputs().forEach((key, value) -> {
            project().getProperties().setProperty("iot.stack." + name + "." + key, value);
            project().getProperties().setProperty("iot.stack." + key, value);
            getLog().info("  " + key + " = " + value);
        });
        getLog().info("Stack " + name + " outputs in " + file);
    }

    @Override
    protected String goal() {
        return "deploy-stack";
    }

    @Override
    protected boolean skipGoal() {
        return skipDeployStack;
    }
}
