package io.jitp.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import software.amazon.awssdk.services.iot.model.CertificateStatus;

/**
 * The seed's {@code enable-certificate}: sets every certificate attached to the thing ACTIVE (REVOKED ones stay
 * REVOKED) and shows the result.
 *
 * @since 0.1.0
 */
@Mojo(name = "enable-certificate", requiresProject = false, threadSafe = true)
public class EnableCertificateMojo extends AbstractCertificateStatusMojo {
    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ENABLE_CERTIFICATE_SKIP, defaultValue = "false")
    private boolean skipEnableCertificate;

    @Override
    protected CertificateStatus status() {
        return CertificateStatus.ACTIVE;
    }

    @Override
    protected String goal() {
        return "enable-certificate";
    }

    @Override
    protected boolean skipGoal() {
        return skipEnableCertificate;
    }
}
