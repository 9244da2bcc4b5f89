package io.jitp.maven;

import io.jitp.core.things.ThingCertificates;

import org.apache.maven.plugin.MojoFailureException;

import software.amazon.awssdk.services.iot.model.CertificateStatus;

/** {@code enable-certificate} and {@code disable-certificate}: set every certificate of the thing to one status. */
abstract class AbstractCertificateStatusMojo extends AbstractThingMojo {
    /** @return the status to set */
    protected abstract CertificateStatus status();

    @Override
    protected void runAws() throws MojoFailureException {
        ThingCertificates.table(new ThingCertificates(clients().iot()).setStatus(thing(), status()))
                .print(reporter());
    }
}
