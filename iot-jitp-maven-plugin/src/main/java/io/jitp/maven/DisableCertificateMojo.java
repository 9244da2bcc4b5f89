package io.jitp.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import software.amazon.awssdk.services.iot.model.CertificateStatus;

/**
 * The seed's {@code disable-certificate}: sets every certificate attached to the thing INACTIVE (REVOKED ones stay
 * REVOKED) and shows the result.
 *
 * @since 0.1.0
 */
@Mojo(name = "disable-certificate", requiresProject = false, threadSafe = true)
public class DisableCertificateMojo extends AbstractCertificateStatusMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.DISABLE_CERTIFICATE_SKIP, defaultValue = "false")
    private boolean skipDisableCertificate;

    @Override
    protected CertificateStatus status() {
        return CertificateStatus.INACTIVE;
    }

    @Override
    protected String goal() {
        return "disable-certificate";
    }

    @Override
    protected boolean skipGoal() {
        return skipDisableCertificate;
    }
}
