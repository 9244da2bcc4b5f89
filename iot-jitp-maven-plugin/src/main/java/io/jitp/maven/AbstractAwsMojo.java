package io.jitp.maven;

import io.jitp.core.InvalidInputException;
import io.jitp.core.aws.AwsClients;
import io.jitp.core.aws.AwsConnection;
import io.jitp.core.aws.AwsConnections;
import io.jitp.core.aws.AwsEndpointOverride;
import io.jitp.core.aws.Target;
import io.jitp.core.emulator.StandInEndpoints;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What every goal talking to AWS IoT shares: target selection (the stand-in by default, or AWS), credentials, the
 * offline check, and turning SDK errors into Maven failures. The first line logged says where the calls go (target,
 * region, account). A goal implements {@link #runAws()} and uses {@link #connection()} and {@link #clients()}.
 */
public abstract class AbstractAwsMojo extends AbstractStandInMojo {
    /**
     * Where calls go: {@code local} (default) starts or reuses the stand-in of {@code iot.emulator.stateDirectory};
     * {@code aws} uses a real AWS account (needs the network).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.TARGET, defaultValue = "local")
    private String target;

    /**
     * AWS region for {@code iot.target=aws}; default from {@code AWS_REGION} or the profile's configuration.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.REGION)
    private String region;

    /**
     * AWS profile ({@code ~/.aws/credentials}, {@code ~/.aws/config}) for {@code iot.target=aws}; without it (and
     * without {@code iot.serverId}) the SDK's default credential chain applies.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.PROFILE)
    private String profile;

    /**
     * Id of a settings.xml {@code <server>} holding AWS keys for {@code iot.target=aws}: {@code <username>} = access
     * key id, {@code <password>} = secret access key (encrypt it with {@code mvn --encrypt-password}).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.SERVER_ID)
    private String serverId;

    /**
     * For testing the {@code aws} path: the state directory of a running stand-in whose endpoints replace AWS's
     * (credentials, STS and DescribeEndpoint still go through the {@code aws} code path).
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.AWS_ENDPOINT_OVERRIDE)
    private File awsEndpointOverride;

    private AwsConnection connection;
    private AwsClients clients;

    @Override
    protected final void run() throws IOException, MojoFailureException {
        beforeConnect();
        connection = connect();
        getLog().info(connection.describe());
        try (AwsClients opened = new AwsClients(connection)) {
            clients = opened;
            runAws();
        } catch (AwsServiceException e) {
            if (e.statusCode() == 401 || e.statusCode() == 403) {
                throw new InvalidInputException("AWS refused the call (" + e.awsErrorDetails().errorCode() + "): "
                        + e.awsErrorDetails().errorMessage() + "; check that the credentials may call "
                        + e.awsErrorDetails().serviceName() + " in " + connection.region(), e);
            }
            throw new IOException(e.awsErrorDetails().serviceName() + " call failed ("
                    + e.awsErrorDetails().errorCode() + "): " + e.awsErrorDetails().errorMessage(), e);
        } catch (SdkException e) {
            throw new IOException("Cannot reach the target (" + connection.describe() + "): " + e.getMessage(), e);
        } finally {
            clients = null;
        }
    }

    /**
     * The goal's work, with {@link #connection()} and {@link #clients()} ready.
     *
     * @throws IOException          on unexpected I/O or service errors
     * @throws MojoFailureException for user mistakes found in the Mojo itself
     */
    protected abstract void runAws() throws IOException, MojoFailureException;

    /**
     * Checks that need no connection, run before the stand-in is started or AWS is asked anything (a lint that fails
     * here leaves nothing changed anywhere).
     *
     * @throws IOException          if an input file cannot be read
     * @throws MojoFailureException for user mistakes
     */
    protected void beforeConnect() throws IOException, MojoFailureException {
    }

    /** @return the folder relative file parameters are resolved against: the project's, or where Maven started */
    protected Path baseDirectory() {
        return project().getFile() != null ? project().getBasedir().toPath()
                : Path.of(session().getExecutionRootDirectory());
    }

    /** @return where calls go (valid inside {@link #runAws()}) */
    protected AwsConnection connection() {
        return connection;
    }

    /** @return the SDK clients of {@link #connection()} (valid inside {@link #runAws()}) */
    protected AwsClients clients() {
        return clients;
    }

    private AwsConnection connect() throws IOException, MojoFailureException {
        if (Target.parse(target, PropertyNames.TARGET) == Target.LOCAL) {
            return AwsConnections.local(standInForThisBuild());
        }
        AwsEndpointOverride override = null;
        if (awsEndpointOverride != null) {
            StandInEndpoints endpoints = StandInEndpoints.read(awsEndpointOverride.toPath()).orElseThrow(() ->
                    new InvalidInputException("No stand-in runs in " + awsEndpointOverride + " (named by "
                            + PropertyNames.AWS_ENDPOINT_OVERRIDE + "); start one with mvn iot:emulator-start"));
            override = AwsEndpointOverride.of(endpoints);
        } else if (session().isOffline()) {
            throw new MojoFailureException(PropertyNames.TARGET + "=aws needs the network, but Maven runs offline"
                    + " (-o); run without -o, or use the local stand-in (-D" + PropertyNames.TARGET + "=local)");
        }
        return AwsConnections.aws(region, profile, credentials(), override);
    }

    private AwsCredentialsProvider credentials() throws MojoFailureException {
        if (serverId == null || serverId.isBlank()) {
            return AwsConnections.credentials(profile);
        }
        if (profile != null && !profile.isBlank()) {
            throw new MojoFailureException("Both " + PropertyNames.SERVER_ID + " and " + PropertyNames.PROFILE
                    + " are set; keep only one source of AWS credentials");
        }
        Server server = DecryptedServers.get(settings(), settingsDecrypter(), serverId, PropertyNames.SERVER_ID);
        if (server.getUsername() == null || server.getPassword() == null) {
            throw new MojoFailureException("settings.xml server " + serverId + " (named by " + PropertyNames.SERVER_ID
                    + ") needs <username> (the access key id) and <password> (the secret access key)");
        }
        return AwsConnections.staticCredentials(server.getUsername(), server.getPassword());
    }
}
