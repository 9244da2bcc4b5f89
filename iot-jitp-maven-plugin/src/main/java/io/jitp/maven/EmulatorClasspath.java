package io.jitp.maven;

import io.jitp.core.InvalidInputException;
import io.jitp.core.emulator.EmulatorProcess;

import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The stand-in's classpath, resolved with Maven's resolver only when a stand-in has to be started: users who only
 * target AWS never download the broker. The stand-in is {@code io.jitp:iot-jitp-emulator} of the plugin's own
 * version, with its runtime dependencies, from the build's repositories.
 */
final class EmulatorClasspath implements EmulatorProcess.Classpath {
    static final String GROUP_ID = "io.jitp";
    static final String ARTIFACT_ID = "iot-jitp-emulator";
    private static final Set<String> RUNTIME_SCOPES = Set.of("", "compile", "runtime");

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final String version;

    EmulatorClasspath(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                      String version) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
        this.version = version;
    }

    @Override
    public List<Path> resolve() {
        String coordinates = GROUP_ID + ":" + ARTIFACT_ID + ":" + version;
        CollectRequest collect = new CollectRequest(
                new Dependency(new DefaultArtifact(coordinates), "runtime"), repositories);
        DependencyFilter runtime = (node, parents) -> node.getDependency() == null
                || RUNTIME_SCOPES.contains(node.getDependency().getScope());
        try {
            return system.resolveDependencies(session, new DependencyRequest(collect, runtime)).getArtifactResults()
                    .stream().map(ArtifactResult::getArtifact).map(a -> a.getFile().toPath()).toList();
        } catch (DependencyResolutionException e) {
            throw new InvalidInputException("Cannot resolve the stand-in " + coordinates + " and its dependencies: "
                    + e.getMessage() + (session.isOffline() ? "; run once without -o so Maven can download them"
                    : "; check the repositories in settings.xml") + ", or use -D" + PropertyNames.TARGET
                    + "=aws", e);
        }
    }
}
