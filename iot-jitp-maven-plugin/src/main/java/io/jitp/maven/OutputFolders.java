package io.jitp.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Path;

/** Where generated files go, with or without a POM. */
final class OutputFolders {
    private OutputFolders() {
    }

    /**
     * The configured folder, or {@code ${project.build.directory}/iot-jitp}. Without a POM (goals with
     * {@code requiresProject = false}) {@code ${project.build.directory}} is not interpolated, so the folder is
     * computed from the directory Maven was started in: {@code ./target/iot-jitp}.
     *
     * @param configured the configured folder, or null
     * @param project    the project (Maven's stand-in without a POM)
     * @param session    the session
     * @return an absolute folder
     */
    static Path resolve(File configured, MavenProject project, MavenSession session) {
        if (configured != null && !configured.getPath().contains("${")) {
            return configured.toPath().toAbsolutePath();
        }
        boolean hasPom = project != null && project.getFile() != null;
        Path target = hasPom ? Path.of(project.getBuild().getDirectory())
                : Path.of(session.getExecutionRootDirectory(), "target");
        return target.resolve("iot-jitp").toAbsolutePath();
    }
}
