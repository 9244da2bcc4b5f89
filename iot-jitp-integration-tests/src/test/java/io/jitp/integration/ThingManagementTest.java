package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;
import io.jitp.core.mqtt.DeviceIdentity;
import io.jitp.core.mqtt.DevicePublisher;
import io.jitp.core.mqtt.DeviceSubscriber;
import io.jitp.core.mqtt.JitpConnector;
import io.jitp.core.mqtt.MqttRefusedException;
import io.jitp.core.mqtt.ReceivedMessage;
import io.jitp.core.things.CreatedThing;
import io.jitp.core.things.ThingCertificate;
import io.jitp.core.things.ThingCertificates;
import io.jitp.core.things.ThingCreator;
import io.jitp.core.things.ThingDeleter;
import io.jitp.core.things.ThingInventory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/** The seed's management scripts against the stand-in, on one device's whole life: create, use, disable, delete. */
@ExtendWith(SharedStandIn.class)
class ThingManagementTest {
    private static final JitpConnector ONE_ATTEMPT = new JitpConnector(1, Duration.ZERO, Duration.ZERO);
    private static DeviceStandIn standIn;

    @BeforeAll
    static void start(DeviceStandIn shared) {
        standIn = shared;
    }

    @Test
    void createUseDisableEnableAndDeleteAThing(@TempDir Path folder) throws Exception {
        CreatedThing created = new ThingCreator(standIn.iot, Reporter.silent()).create("managed-1", folder);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(created.privateKeyFile())));
        assertTrue(Files.readString(created.publicKeyFile()).contains("PUBLIC KEY"));
        ThingCertificates certificates = new ThingCertificates(standIn.iot);
        assertEquals(List.of(new ThingCertificate("managed-1", created.certificateId(), created.certificateArn(),
                "ACTIVE")), certificates.of("managed-1"));
        assertThrows(InvalidInputException.class,
                () -> new ThingCreator(standIn.iot, Reporter.silent()).create("managed-1", folder),
                "never overwrites a key");

        DeviceIdentity identity = DeviceIdentity.find(folder, "managed-1");
        assertEquals(List.of("hello"), receivedWhilePublishing(identity, "managed-1", "hello"));

        assertEquals("INACTIVE", certificates.setStatus("managed-1", CertificateStatus.INACTIVE).get(0).status());
        assertEquals("INACTIVE", standIn.iot.describeCertificate(r -> r.certificateId(created.certificateId()))
                .certificateDescription().statusAsString());
        assertThrows(MqttRefusedException.class, () -> new DevicePublisher(standIn.mqtt(), ONE_ATTEMPT,
                Reporter.silent()).publish(identity, "managed-1", new byte[] {1}, 1));
        assertEquals("ACTIVE", certificates.setStatus("managed-1", CertificateStatus.ACTIVE).get(0).status());

        List<ThingCertificate> inventory = new ThingInventory(standIn.iot).list();
        assertTrue(inventory.stream().anyMatch(c -> c.thingName().equals("managed-1")
                && created.certificateId().equals(c.certificateId())), inventory.toString());

        assertEquals(List.of(created.certificateId()), new ThingDeleter(standIn.iot, Reporter.silent())
                .delete("managed-1"));
        assertThrows(ResourceNotFoundException.class, () -> standIn.iot.describeThing(r -> r.thingName("managed-1")));
        assertThrows(ResourceNotFoundException.class,
                () -> standIn.iot.describeCertificate(r -> r.certificateId(created.certificateId())));
        assertThrows(ResourceNotFoundException.class, () -> standIn.iot.getPolicy(r -> r.policyName("managed-1-Policy")));
        assertThrows(InvalidInputException.class, () -> certificates.of("managed-1"));
    }

    @Test
    void deletingAJitpThingDetachesTheSharedPolicyButKeepsIt(@TempDir Path folder) throws Exception {
        var record = DeviceStandIn.issue(standIn.registerCa("delete-root", "IoTAccess"), folder, "jitp-del-", 1)
                .manifest().devices().get(0);
        DeviceIdentity identity = DeviceIdentity.find(folder, record.id());
        new DevicePublisher(standIn.mqtt(), JitpConnector.DEFAULT, Reporter.silent())
                .publish(identity, record.id(), new byte[] {1}, 1);
        new ThingDeleter(standIn.iot, Reporter.silent()).delete(record.id());
        assertThrows(ResourceNotFoundException.class,
                () -> standIn.iot.describeCertificate(r -> r.certificateId(record.certificateId())));
        assertEquals("IoTAccess", standIn.iot.getPolicy(r -> r.policyName("IoTAccess")).policyName());
    }

    /**
     * Subscribes under a second client id (the create-thing policy allows any), publishes as the thing, and returns
     * the payloads received.
     */
    private static List<String> receivedWhilePublishing(DeviceIdentity identity, String topic, String text)
            throws Exception {
        List<String> payloads = new CopyOnWriteArrayList<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        Reporter onSubscribed = new Reporter() {
            @Override
            public void info(String message) {
                if (message.startsWith("Subscribed")) {
                    subscribed.countDown();
                }
            }

            @Override
            public void warn(String message) {
                // not needed here
            }
        };
        DeviceIdentity listener = new DeviceIdentity(identity.clientId() + "-listener", identity.chain(),
                identity.key());
        CompletableFuture<Integer> count = CompletableFuture.supplyAsync(() -> {
            try {
                return new DeviceSubscriber(standIn.mqtt(), ONE_ATTEMPT, onSubscribed).subscribe(listener, topic, 1,
                        1, Duration.ofSeconds(20), (ReceivedMessage m) -> payloads.add(m.text()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(subscribed.await(20, TimeUnit.SECONDS), "subscribed");
        new DevicePublisher(standIn.mqtt(), ONE_ATTEMPT, Reporter.silent()).publish(identity, topic,
                text.getBytes(StandardCharsets.UTF_8), 1);
        assertEquals(1, count.get(20, TimeUnit.SECONDS));
        return payloads;
    }
}
