package io.jitp.maven;

import io.jitp.core.things.ThingDeleter;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/**
 * The seed's {@code delete-thing}, in its order, for each certificate of the thing: detach its policies, set it
 * INACTIVE, detach it from the thing, delete it; then delete the thing (and its {@code create-thing} policy once
 * unused). Local device files are left alone.
 *
 * @since 0.1.0
 */
@Mojo(name = "delete-thing", requiresProject = false, threadSafe = true)
public class DeleteThingMojo extends AbstractThingMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DELETE_THING_SKIP, defaultValue = "false")
    private boolean skipDeleteThing;

    @Override
    protected void runAws() throws MojoFailureException {
        String thing = thing();
        List<String> certificates = new ThingDeleter(clients().iot(), reporter()).delete(thing);
        getLog().info("Deleted thing " + thing + " and " + certificates.size() + " certificate(s)");
    }

    @Override
    protected String goal() {
        return "delete-thing";
    }

    @Override
    protected boolean skipGoal() {
        return skipDeleteThing;
    }
}
