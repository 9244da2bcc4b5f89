package io.jitp.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;

/**
 * What the goals acting on one thing (device) share: its name and the folder holding device files
 * ({@code <outputDirectory>/devices}, where {@code provision}, {@code provision-devices} and {@code create-thing} put
 * them).
 */
public abstract class AbstractThingMojo extends AbstractAwsMojo {
    /**
     * The thing (device) name: the certificate CommonName, the MQTT client id.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.THING)
    private String thing;

    /**
     * Folder of generated files; device files are in its {@code devices} subfolder. Defaults to
     * {@code ${project.build.directory}/iot-jitp}, or {@code ./target/iot-jitp} without a POM.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY)
    private File outputDirectory;

    /**
     * @return the configured thing name
     * @throws MojoFailureException if none is configured
     */
    protected String thing() throws MojoFailureException {
        if (thing == null || thing.isBlank()) {
            throw new MojoFailureException(goal() + " needs the thing name: mvn iot:" + goal() + " -D"
                    + PropertyNames.THING + "=<name>");
        }
        return thing.trim();
    }

    /** @return the output folder (see {@link OutputFolders}) */
    protected Path outputFolder() {
        return outputFolder(outputDirectory);
    }

    /** @return where device files are */
    protected Path devicesFolder() {
        return outputFolder().resolve("devices");
    }
}
