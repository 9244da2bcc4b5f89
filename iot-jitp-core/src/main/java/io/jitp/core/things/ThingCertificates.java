package io.jitp.core.things;

import io.jitp.core.InvalidInputException;
import io.jitp.core.TextTable;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * The seed's {@code device-status}, {@code enable-certificate} and {@code disable-certificate}: for each certificate
 * attached to a thing, read its status or set it ACTIVE / INACTIVE.
 */
public final class ThingCertificates {
    private final IotClient iot;

    /** @param iot the control plane */
    public ThingCertificates(IotClient iot) {
        this.iot = iot;
    }

    /**
     * @param thingName a thing
     * @return its certificates with their status, in attachment order
     * @throws InvalidInputException if the thing does not exist
     */
    public List<ThingCertificate> of(String thingName) {
        List<ThingCertificate> certificates = new ArrayList<>();
        for (String principal : principals(thingName)) {
            if (ThingCertificate.isCertificate(principal)) {
                String id = ThingCertificate.idOf(principal);
                String status = iot.describeCertificate(r -> r.certificateId(id)).certificateDescription()
                        .statusAsString();
                certificates.add(new ThingCertificate(thingName, id, principal, status));
            }
        }
        return certificates;
    }

    /**
     * Sets every certificate of the thing to {@code status}; REVOKED certificates stay REVOKED (AWS refuses to change
     * them).
     *
     * @param thingName a thing
     * @param status    ACTIVE or INACTIVE
     * @return its certificates with their status afterwards
     * @throws InvalidInputException if the thing does not exist
     */
    public List<ThingCertificate> setStatus(String thingName, CertificateStatus status) {
        if (status != CertificateStatus.ACTIVE && status != CertificateStatus.INACTIVE) {
            throw new IllegalArgumentException("Only ACTIVE or INACTIVE, not " + status);
        }
        List<ThingCertificate> after = new ArrayList<>();
        for (ThingCertificate certificate : of(thingName)) {
            if (CertificateStatus.REVOKED.toString().equals(certificate.status())) {
                after.add(certificate);
                continue;
            }
            iot.updateCertificate(r -> r.certificateId(certificate.certificateId()).newStatus(status));
            after.add(certificate.withStatus(status.toString()));
        }
        return after;
    }

    /**
     * @param certificates certificates of things
     * @return a table: thing, certificate id, status
     */
    public static TextTable table(List<ThingCertificate> certificates) {
        TextTable table = new TextTable("thing", "certificate", "status");
        certificates.forEach(c -> table.row(c.thingName(), c.certificateId() == null ? "(none)" : c.certificateId(),
                c.status()));
        return table;
    }

    /**
     * @param thingName a thing
     * @return its principals
     * @throws InvalidInputException if it does not exist
     */
    List<String> principals(String thingName) {
        try {
            return iot.listThingPrincipalsPaginator(r -> r.thingName(thingName)).principals().stream().toList();
        } catch (ResourceNotFoundException e) {
            throw new InvalidInputException("Thing " + thingName + " does not exist; list the things with"
                    + " mvn iot:thing-certificates");
        }
    }
}
