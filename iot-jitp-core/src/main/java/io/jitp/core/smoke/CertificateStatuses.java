package io.jitp.core.smoke;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaResponse;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * Device certificates' ARN and status: DescribeCertificate for one, which names its CA; ListCertificatesByCA for all
 * of that CA's, newest first (the devices just provisioned come on the first pages), 250 a page (AWS's largest).
 */
final class CertificateStatuses implements GroupedLookup.Source<String, CertificateStatuses.Registered> {
    /** The largest page ListCertificatesByCA returns. */
    static final int PAGE_SIZE = 250;

    /**
     * A registered certificate.
     *
     * @param arn    its ARN
     * @param status its status, e.g. {@code ACTIVE}
     */
    record Registered(String arn, String status) {
    }

    private final IotClient iot;

    CertificateStatuses(IotClient iot) {
        this.iot = iot;
    }

    @Override
    public GroupedLookup.Answer<Registered> one(String certificateId) {
        CertificateDescription certificate;
        try {
            certificate = iot.describeCertificate(r -> r.certificateId(certificateId)).certificateDescription();
        } catch (ResourceNotFoundException e) {
            return new GroupedLookup.Answer<>(Optional.empty(), Set.of());
        }
        return new GroupedLookup.Answer<>(
                Optional.of(new Registered(certificate.certificateArn(), certificate.statusAsString())),
                certificate.caCertificateId() == null ? Set.of() : Set.of(certificate.caCertificateId()));
    }

    @Override
    public void list(String caCertificateId, GroupedLookup.PageConsumer<String, Registered> page) {
        try {
            for (ListCertificatesByCaResponse response : iot.listCertificatesByCAPaginator(r -> r
                    .caCertificateId(caCertificateId).ascendingOrder(false).pageSize(PAGE_SIZE))) {
                Map<String, Registered> members = new LinkedHashMap<>();
                for (Certificate certificate : response.certificates()) {
                    members.put(certificate.certificateId(),
                            new Registered(certificate.certificateArn(), certificate.statusAsString()));
                }
                if (!page.accept(members)) {
                    return;
                }
            }
        } catch (ResourceNotFoundException e) {
            // The CA was deleted meanwhile: its certificates are asked about one by one.
        }
    }
}
