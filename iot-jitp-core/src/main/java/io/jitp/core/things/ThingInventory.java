package io.jitp.core.things;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ThingAttribute;

/** The seed's {@code thing-certificates}: every thing and its certificates (the seed showed only the first). */
public final class ThingInventory {
    private final IotClient iot;
    private final ThingCertificates certificates;

    /** @param iot the control plane */
    public ThingInventory(IotClient iot) {
        this.iot = iot;
        this.certificates = new ThingCertificates(iot);
    }

    /**
     * @return one entry per thing and certificate; a thing without certificates appears once with null certificate
     *         fields
     */
    public List<ThingCertificate> list() {
        List<ThingCertificate> rows = new ArrayList<>();
        for (ThingAttribute thing : iot.listThingsPaginator(r -> { }).things()) {
            List<ThingCertificate> attached = certificates.of(thing.thingName());
            if (attached.isEmpty()) {
                rows.add(new ThingCertificate(thing.thingName(), null, null, null));
            }
            rows.addAll(attached);
        }
        return rows;
    }
}
