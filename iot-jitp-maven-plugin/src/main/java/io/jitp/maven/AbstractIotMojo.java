package io.jitp.maven;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;
import io.jitp.core.pki.KeyPasswordRequiredException;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What every goal shares: skipping, the project, session and settings, and turning core errors into Maven's two
 * kinds of failure (a {@link MojoFailureException} for what the user can fix, a {@link MojoExecutionException} for the
 * unexpected). A goal implements {@link #run()}.
 */
public abstract class AbstractIotMojo extends AbstractMojo {
    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SKIP, defaultValue = "false")
    private boolean skip;

    /**
     * The project, or Maven's stand-in when a goal runs without a POM.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    /**
     * The build session, for the directory Maven was started in.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    /**
     * The user's settings, for the {@code <server>} holding the CA key password.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private SettingsDecrypter settingsDecrypter;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipGoal()) {
            getLog().info("Skipping " + goal() + " (" + (skip ? PropertyNames.SKIP : goalSkipProperty()) + "=true)");
            return;
        }
        try {
            run();
        } catch (KeyPasswordRequiredException e) {
            throw new MojoFailureException(e.getMessage() + "; give the CA key password with -D"
                    + PropertyNames.CA_PASSWORD_ENV + "=<variable name> or -D" + PropertyNames.CA_PASSWORD_SERVER_ID
                    + "=<settings.xml server id>", e);
        } catch (InvalidInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(goal() + " failed: " + e, e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(goal() + " failed: " + e.getCause(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException(goal() + " failed unexpectedly: " + e.getMessage(), e);
        }
    }

    /**
     * The goal's work.
     *
     * @throws IOException          on unexpected I/O errors
     * @throws MojoFailureException for user mistakes found in the Mojo itself
     */
    protected abstract void run() throws IOException, MojoFailureException;

    /** @return the goal name, e.g. {@code provision-devices} */
    protected abstract String goal();

    /** @return true if the goal's own skip property is set */
    protected abstract boolean skipGoal();

    /** @return the goal's own skip property, e.g. {@code iot.provision-devices.skip} */
    protected String goalSkipProperty() {
        return "iot." + goal() + ".skip";
    }

    /**
     * @param configured the configured output folder, or null
     * @return where generated files go (see {@link OutputFolders#resolve})
     */
    protected Path outputFolder(File configured) {
        return OutputFolders.resolve(configured, project, session);
    }

    /** @return the build session */
    protected MavenSession session() {
        return session;
    }

    /** @return the project, or Maven's stand-in when a goal runs without a POM */
    protected MavenProject project() {
        return project;
    }

    /** @return the user's settings */
    protected Settings settings() {
        return settings;
    }

    /** @return decrypts settings.xml passwords */
    protected SettingsDecrypter settingsDecrypter() {
        return settingsDecrypter;
    }

    /** @return a reporter writing to the Maven log */
    protected Reporter reporter() {
        return new MavenReporter(getLog());
    }
}
