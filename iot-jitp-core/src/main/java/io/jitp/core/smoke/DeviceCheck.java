package io.jitp.core.smoke;

import io.jitp.core.mqtt.DeviceClient;
import io.jitp.core.mqtt.DeviceIdentity;
import io.jitp.core.mqtt.JitpConnector;
import io.jitp.core.mqtt.MqttRefusedException;
import io.jitp.core.mqtt.ReceivedMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The smoke test of one device: connect as it (surviving the JITP drop), subscribe to and publish on its topic and
 * receive its own message, optionally see a foreign topic refused, then ask the control plane. Never throws: every
 * problem becomes the outcome's failure text.
 */
final class DeviceCheck {
    private static final int QOS = 1;

    private final SmokeOptions options;
    private final ControlPlaneCheck controlPlane;

    DeviceCheck(SmokeOptions options, ControlPlaneCheck controlPlane) {
        this.options = options;
        this.controlPlane = controlPlane;
    }

    DeviceOutcome run(SmokeDevice device) {
        long start = System.nanoTime();
        Timings timings = new Timings();
        List<String> problems = new ArrayList<>();
        String certificateId = null;
        try {
            DeviceIdentity identity = DeviceIdentity.fromFiles(device.certificateFile(), device.keyFile());
            certificateId = identity.certificateId();
            if (!identity.clientId().equals(device.id())) {
                problems.add("its certificate's CommonName is " + identity.clientId() + ", not " + device.id());
            } else {
                exchange(identity, device.id(), timings);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted");
        }
        if (options.checkControlPlane() && certificateId != null) {
            try {
                problems.addAll(controlPlane.problems(device.id(), certificateId));
            } catch (RuntimeException e) {
                problems.add("control plane: " + e.getMessage());
            }
        }
        return new DeviceOutcome(device.id(), problems.isEmpty() ? null : String.join("; ", problems),
                timings.attempts, timings.handshake, timings.jitpDelay, timings.roundTrip, System.nanoTime() - start);
    }

    private void exchange(DeviceIdentity identity, String id, Timings timings)
            throws IOException, InterruptedException {
        try (DeviceClient client = DeviceClient.create(identity, options.endpoint())) {
            JitpConnector.Connected connected = options.connector().connect(client);
            timings.attempts = connected.attempts();
            timings.handshake = connected.handshakeNanos();
            timings.jitpDelay = connected.jitpDelayNanos();
            String topic = options.topicFor(id);
            client.subscribe(topic, QOS);
            byte[] payload = ("{\"device\":\"" + id + "\",\"smoke\":\"" + UUID.randomUUID() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            long sent = System.nanoTime();
            client.publish(topic, payload, QOS);
            awaitOwnMessage(client, topic, payload);
            timings.roundTrip = System.nanoTime() - sent;
            String foreign = options.foreignTopicFor(id);
            if (foreign != null) {
                expectRefused(client, foreign);
            }
        }
    }

    private void awaitOwnMessage(DeviceClient client, String topic, byte[] payload)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + options.endpoint().timeout().toNanos();
        while (System.nanoTime() < deadline) {
            ReceivedMessage message = client.nextMessage(Duration.ofNanos(deadline - System.nanoTime()));
            if (message != null && message.topic().equals(topic) && Arrays.equals(message.payload(), payload)) {
                return;
            }
        }
        throw new IOException("its own message on " + topic + " did not come back within "
                + options.endpoint().timeout().toSeconds() + " s (is iot:Receive allowed on it?)");
    }

    private static void expectRefused(DeviceClient client, String foreign) throws IOException {
        try {
            client.publish(foreign, new byte[] {'x'}, QOS);
        } catch (MqttRefusedException expected) {
            return;
        }
        throw new IOException("PUBLISH to the foreign topic " + foreign + " was accepted: its policy allows more than"
                + " it should");
    }

    /** Filled in as the exchange progresses, so a failure still reports how far it got. */
    private static final class Timings {
        int attempts;
        long handshake;
        long jitpDelay;
        long roundTrip;
    }
}
