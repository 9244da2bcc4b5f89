package io.jitp.maven;

import io.jitp.core.things.ThingCertificate;
import io.jitp.core.things.ThingCertificates;
import io.jitp.core.things.ThingInventory;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/**
 * The seed's {@code thing-certificates}: every thing and each of its certificates with their status, as a table.
 *
 * @since 0.1.0
 */
@Mojo(name = "thing-certificates", requiresProject = false, threadSafe = true)
public class ThingCertificatesMojo extends AbstractAwsMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.THING_CERTIFICATES_SKIP, defaultValue = "false")
    private boolean skipThingCertificates;

    @Override
    protected void runAws() {
        List<ThingCertificate> rows = new ThingInventory(clients().iot()).list();
        ThingCertificates.table(rows).print(reporter());
        getLog().info(rows.stream().map(ThingCertificate::thingName).distinct().count() + " thing(s)");
    }

    @Override
    protected String goal() {
        return "thing-certificates";
    }

    @Override
    protected boolean skipGoal() {
        return skipThingCertificates;
    }
}
