package io.jitp.maven;

import io.jitp.core.stacks.StackTemplate;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Deletes a stack deploy-stack created ({@code iot.stackName}, or the name deploy-stack derives from
 * {@code iot.stackTemplate}), following its events until DELETE_COMPLETE, and removes its recorded outputs. A
 * stack that does not exist is not an error.
 *
 * @since 0.1.0
 */
@Mojo(name = "delete-stack", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, requiresProject = false,
        threadSafe = true)
public class DeleteStackMojo extends AbstractStackMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DELETE_STACK_SKIP, defaultValue = "false")
    private boolean skipDeleteStack;

    @Override
    protected void runAws() throws IOException {
        StackTemplate template = template();
        String name = stackName(template);
        if (!deployer().delete(name)) {
            getLog().info("Stack " + name + " does not exist; nothing to delete");
        }
        Files.deleteIfExists(stackFile(name));
    }

    @Override
    protected String goal() {
        return "delete-stack";
    }

    @Override
    protected boolean skipGoal() {
        return skipDeleteStack;
    }
}
