package io.jitp.core.loadtest;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One load-test device during the run: its link, its role, and whether it is connected. The link is reused for
 * every attempt (the client may connect again after a refusal or a loss).
 */
final class DeviceSession {
    final String id;
    final DeviceRole role;
    final int number;
    final DeviceKeyManager keys;
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicBoolean connected = new AtomicBoolean();
    /** Set once the device connected at least once; later connects are reconnects. */
    final AtomicBoolean everConnected = new AtomicBoolean();
    volatile DeviceLink link;
    /** Publishers: whether its fixed-rate schedule runs (it starts at the first connect and survives reconnects). */
    volatile boolean everPublishing;
    /** Publishers: where the schedule runs, chosen at the first connect ({@link PublishClock}). */
    volatile ScheduledExecutorService publishClock;
    /** Subscribers and collector: whether the run counted it ready (subscribed, or given up). */
    volatile boolean ready;
    /** Next message number (publishers). */
    int nextSeq;
    /** What it received from each publisher (subscribers). */
    final DeliveryTracker tracker;

    DeviceSession(String id, DeviceRole role, DeviceKeyManager keys, int publishers) {
        this.id = id;
        this.role = role;
        this.number = role.number(id);
        this.keys = keys;
        this.tracker = role == DeviceRole.SUBSCRIBER ? new DeliveryTracker(publishers) : null;
    }
}
