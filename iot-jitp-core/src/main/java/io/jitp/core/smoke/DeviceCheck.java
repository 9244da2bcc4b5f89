package io.jitp.core.smoke;

import io.jitp.core.mqtt.ConnectionLostException;
import io.jitp.core.mqtt.DeviceClient;
import io.jitp.core.mqtt.DeviceIdentity;
import io.jitp.core.mqtt.JitpConnector;
import io.jitp.core.mqtt.MqttRefusedException;
import io.jitp.core.mqtt.ReceivedMessage;
import io.jitp.core.mqtt.ReconnectBackoff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The smoke test of one device: connect as it (surviving the JITP drop), subscribe to and publish on its topic and
 * receive its own message, optionally see a foreign topic refused, then ask the control plane about its thing (the
 * rest of the control plane's verdict is given for all devices at once: {@link ControlPlaneCheck}). When the server
 * goes away (a restart), the step under way starts over after the device's reconnect backoff, within its budget.
 * Never throws: every problem becomes the outcome's failure text.
 */
final class DeviceCheck {
    private static final int QOS = 1;
    /** How often a wait for the device's own message looks whether the connection is still there. */
    private static final Duration LIVENESS_CHECK = Duration.ofMillis(200);

    private final SmokeOptions options;
    private final ControlPlaneCheck controlPlane;

    DeviceCheck(SmokeOptions options, ControlPlaneCheck controlPlane) {
        this.options = options;
        this.controlPlane = controlPlane;
    }

    /**
     * What a device's own checks found, before the control plane's verdict on the whole run.
     *
     * @param outcome its outcome so far
     * @param subject what the control plane is to be asked about it; null when it is not to be asked (not wanted,
     *                no certificate id, or the control plane was already out of reach)
     */
    record Checked(DeviceOutcome outcome, ControlPlaneCheck.Subject subject) {
    }

    Checked run(SmokeDevice device) {
        long start = System.nanoTime();
        Timings timings = new Timings();
        ReconnectBackoff backoff = options.connector().newBackoff();
        List<String> problems = new ArrayList<>();
        String certificateId = null;
        try {
            DeviceIdentity identity = DeviceIdentity.fromFiles(device.certificateFile(), device.keyFile());
            certificateId = identity.certificateId();
            if (!identity.clientId().equals(device.id())) {
                problems.add("its certificate's CommonName is " + identity.clientId() + ", not " + device.id());
            } else {
                exchangeUntilDone(identity, device.id(), timings, backoff);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted");
        }
        ControlPlaneCheck.Subject subject = null;
        if (options.checkControlPlane() && certificateId != null) {
            try {
                subject = new ControlPlaneCheck.Subject(device.id(), certificateId, ControlPlaneCheck.untilReached(
                        () -> controlPlane.thingPrincipals(device.id()), backoff));
            } catch (IOException | RuntimeException e) {
                problems.add("control plane: " + e.getMessage());
            }
        }
        return new Checked(new DeviceOutcome(device.id(), problems.isEmpty() ? null : String.join("; ", problems),
                timings.attempts, timings.handshake, timings.jitpDelay, timings.roundTrip, System.nanoTime() - start,
                backoff.losses()), subject);
    }

    private void exchangeUntilDone(DeviceIdentity identity, String id, Timings timings, ReconnectBackoff backoff)
            throws IOException, InterruptedException {
        while (true) {
            try {
                exchange(identity, id, timings, backoff);
                return;
            } catch (ConnectionLostException e) {
                backoff.retryAfter(e);
            }
        }
    }

    private void exchange(DeviceIdentity identity, String id, Timings timings, ReconnectBackoff backoff)
            throws IOException, InterruptedException {
        try (DeviceClient client = DeviceClient.create(identity, options.endpoint())) {
            JitpConnector.Connected connected = options.connector().connect(client, backoff);
            timings.attempts = connected.attempts();
            timings.handshake = connected.handshakeNanos();
            timings.jitpDelay = Math.max(timings.jitpDelay, connected.jitpDelayNanos());
            roundTrip(client, id, timings);
            String foreign = options.foreignTopicFor(id);
            if (foreign != null) {
                expectRefused(client, foreign);
            }
        }
    }

    /**
     * Subscribes, publishes and receives. A failure that leaves the connection closed without a reason code is taken
     * as the server going away, so the exchange starts over; {@link ReconnectBackoff} gives up on a server that keeps
     * closing it at the same step.
     */
    private void roundTrip(DeviceClient client, String id, Timings timings)
            throws IOException, InterruptedException {
        String topic = options.topicFor(id);
        try {
            client.subscribe(topic, QOS);
            byte[] payload = ("{\"device\":\"" + id + "\",\"smoke\":\"" + UUID.randomUUID() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            long sent = System.nanoTime();
            client.publish(topic, payload, QOS);
            awaitOwnMessage(client, topic, payload);
            timings.roundTrip = System.nanoTime() - sent;
        } catch (MqttRefusedException e) {
            if (e.reasonCode() == MqttRefusedException.NO_REASON_CODE && !client.isConnected()) {
                throw new ConnectionLostException(e.getMessage() + " (the connection to "
                        + options.endpoint().describe() + " was lost)", true, e);
            }
            throw e;
        }
    }

    private void awaitOwnMessage(DeviceClient client, String topic, byte[] payload)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + options.endpoint().timeout().toNanos();
        while (System.nanoTime() < deadline) {
            long left = deadline - System.nanoTime();
            ReceivedMessage message = client.nextMessage(Duration.ofNanos(Math.min(left, LIVENESS_CHECK.toNanos())));
            if (message != null && message.topic().equals(topic) && Arrays.equals(message.payload(), payload)) {
                return;
            }
            if (message == null && !client.isConnected()) {
                throw new ConnectionLostException("waiting for its own message on " + topic + ": the connection to "
                        + options.endpoint().describe() + " was lost", true, null);
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
