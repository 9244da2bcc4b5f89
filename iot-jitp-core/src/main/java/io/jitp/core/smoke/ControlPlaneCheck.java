package io.jitp.core.smoke;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * What the control plane must say about a provisioned device: its certificate ACTIVE, a thing named after it with the
 * certificate attached, and at least one policy attached to the certificate (AWS closes connections of certificates
 * without one).
 */
final class ControlPlaneCheck {
    private final IotClient iot;

    ControlPlaneCheck(IotClient iot) {
        this.iot = iot;
    }

    /**
     * @param deviceId      the device id (thing name)
     * @param certificateId its certificate id
     * @return the problems found; empty when all is well
     */
    List<String> problems(String deviceId, String certificateId) {
        List<String> problems = new ArrayList<>();
        CertificateDescription certificate;
        try {
            certificate = iot.describeCertificate(r -> r.certificateId(certificateId)).certificateDescription();
        } catch (ResourceNotFoundException e) {
            problems.add("certificate " + certificateId + " is not registered (is its CA registered with"
                    + " auto-registration, and did the device connect?)");
            return problems;
        }
        if (certificate.status() != CertificateStatus.ACTIVE) {
            problems.add("certificate is " + certificate.statusAsString() + ", not ACTIVE");
        }
        try {
            List<String> principals = iot.listThingPrincipalsPaginator(r -> r.thingName(deviceId)).principals()
                    .stream().toList();
            if (!principals.contains(certificate.certificateArn())) {
                problems.add("thing " + deviceId + " does not have the certificate attached");
            }
        } catch (ResourceNotFoundException e) {
            problems.add("thing " + deviceId + " does not exist");
        }
        if (iot.listAttachedPoliciesPaginator(r -> r.target(certificate.certificateArn())).policies().stream()
                .findAny().isEmpty()) {
            problems.add("no policy is attached to the certificate");
        }
        return problems;
    }
}
