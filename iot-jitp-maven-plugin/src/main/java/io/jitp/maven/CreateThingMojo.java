package io.jitp.maven;

import io.jitp.core.things.CreatedThing;
import io.jitp.core.things.ThingCreator;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;

/**
 * The seed's {@code create-thing}: a thing with an AWS-made key pair and ACTIVE certificate (no CA of our own), a
 * per-thing policy ({@code <thing>-Policy}) and the attachments. Writes {@code <thing>.cert.pem},
 * {@code <thing>.public.key} and {@code <thing>.private.key} (0600) to the devices folder, where {@code pub} and
 * {@code sub} find them.
 *
 * @since 0.1.0
 */
@Mojo(name = "create-thing", requiresProject = false, threadSafe = true)
public class CreateThingMojo extends AbstractThingMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.CREATE_THING_SKIP, defaultValue = "false")
    private boolean skipCreateThing;

    @Override
    protected void runAws() throws IOException, MojoFailureException {
        CreatedThing created = new ThingCreator(clients().iot(), reporter()).create(thing(), devicesFolder());
        getLog().info("Thing " + created.thingName() + ": certificate " + created.certificateId() + ", policy "
                + created.policyName() + ", key " + created.privateKeyFile());
    }

    @Override
    protected String goal() {
        return "create-thing";
    }

    @Override
    protected boolean skipGoal() {
        return skipCreateThing;
    }
}
