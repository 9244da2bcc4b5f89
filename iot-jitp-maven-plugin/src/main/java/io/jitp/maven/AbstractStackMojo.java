package io.jitp.maven;

import io.jitp.core.aws.Target;
import io.jitp.core.stacks.StackDeployer;
import io.jitp.core.stacks.StackTemplate;

import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** What deploy-stack and delete-stack share: which template and stack, and where the stack's outputs are kept. */
public abstract class AbstractStackMojo extends AbstractAwsMojo {
    /**
     * A bundled template ({@code jitp-provisioning}, {@code sqs-forwarding}, {@code loadtest-policy}) or a
     * CloudFormation template file (JSON or YAML).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.STACK_TEMPLATE, defaultValue = StackTemplate.JITP_PROVISIONING)
    private String stackTemplate;

    /**
     * Stack name; defaults to the template's name (the bundled name or the file name without extension).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.STACK_NAME)
    private String stackName;

    /**
     * Folder for results; stacks go to its {@code stacks} subfolder. Defaults to
     * {@code ${project.build.directory}/iot-jitp}, or {@code ./target/iot-jitp} without a POM.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.OUTPUT_DIRECTORY)
    private File outputDirectory;

    /**
     * @return the configured template
     * @throws IOException if its file cannot be read
     */
    protected StackTemplate template() throws IOException {
        return StackTemplate.resolve(stackTemplate, baseDirectory());
    }

    /**
     * @param template the template
     * @return the configured stack name, or the template's name
     */
    protected String stackName(StackTemplate template) {
        return stackName == null || stackName.isBlank() ? template.name() : stackName.trim();
    }

    /** @return a deployer asking for progress often against the stand-in, every 2 s against AWS */
    protected StackDeployer deployer() {
        Duration poll = connection().target() == Target.LOCAL ? Duration.ofMillis(100) : Duration.ofSeconds(2);
        return new StackDeployer(clients().cloudFormation(), reporter(), poll);
    }

    /**
     * @param name a stack name
     * @return where its outputs are recorded
     */
    protected Path stackFile(String name) {
        return outputFolder(outputDirectory).resolve("stacks").resolve(name + ".json");
    }
}
