package io.jitp.emulator.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import io.jitp.emulator.iot.Certificate;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Publishes AWS IoT's {@code $aws/events/certificates/registered/<caCertificateId>} event of a JITP registration. */
final class RegistrationEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String accountId;

    RegistrationEvents(String accountId) {
        this.accountId = accountId;
    }

    /** @return the event's topic for a CA */
    static String topic(String caCertificateId) {
        return "$aws/events/certificates/registered/" + caCertificateId;
    }

    /** @return the event's JSON payload, as AWS documents it */
    String payload(Certificate certificate) {
        ObjectNode event = JSON.createObjectNode()
                .put("certificateId", certificate.id())
                .put("caCertificateId", certificate.caCertificateId())
                .put("timestamp", System.currentTimeMillis())
                .put("certificateStatus", certificate.status().name())
                .put("awsAccountId", accountId)
                .put("certificateRegistrationTimestamp", certificate.creationDate().toEpochMilli());
        return event.toString();
    }

    /** Publishes the event to the broker's subscribers (each still subject to its iot:Receive check). */
    void publishRegistered(Certificate certificate) {
        Services.publishService().publish(Builders.publish()
                .topic(topic(certificate.caCertificateId()))
                .qos(Qos.AT_LEAST_ONCE)
                .payload(ByteBuffer.wrap(payload(certificate).getBytes(StandardCharsets.UTF_8)))
                .build());
    }
}
