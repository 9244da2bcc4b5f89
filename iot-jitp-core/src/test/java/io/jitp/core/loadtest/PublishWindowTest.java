package io.jitp.core.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PublishWindowTest {

    @Test
    void noMoreThanTheLimitReachTheClientAndTheRestFollowInOrderAsPublishesComplete() {
        List<byte[]> sent = new ArrayList<>();
        List<CompletableFuture<String>> pending = new ArrayList<>();
        List<String> completed = new ArrayList<>();
        PublishWindow<String> window = new PublishWindow<>(payload -> {
            sent.add(payload);
            CompletableFuture<String> result = new CompletableFuture<>();
            pending.add(result);
            return result;
        }, (result, failure) -> completed.add(failure == null ? result : "failed"));

        int total = PublishWindow.LIMIT + 10;
        for (int i = 0; i < total; i++) {
            window.publish(new byte[] {(byte) i});
        }
        assertEquals(PublishWindow.LIMIT, sent.size(), "the client never sees more unfinished publishes than the limit");

        pending.get(0).complete("ack0");
        pending.get(1).completeExceptionally(new IllegalStateException("connection lost"));
        assertEquals(PublishWindow.LIMIT + 2, sent.size(), "each completion lets one waiting publish go");
        assertEquals(List.of("ack0", "failed"), completed);

        for (int i = 2; i < pending.size(); i++) {
            pending.get(i).complete("ack" + i);
        }
        assertEquals(total, sent.size());
        for (int i = 0; i < total; i++) {
            assertEquals((byte) i, sent.get(i)[0], "publishes keep their order");
        }
        assertEquals(total, completed.size(), "every publish is reported once");

        window.publish(new byte[] {1});
        assertEquals(total + 1, sent.size(), "once all completed, the window is open again");
    }

    @Test
    void aLongQueueThatFailsAtOnceDrainsWithoutDeepRecursion() {
        AtomicInteger calls = new AtomicInteger();
        List<CompletableFuture<Void>> held = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        PublishWindow<Void> window = new PublishWindow<>(payload -> {
            // The first sends wait for their acknowledgement; once the connection is gone, sends fail on the spot.
            if (calls.incrementAndGet() <= PublishWindow.LIMIT) {
                CompletableFuture<Void> result = new CompletableFuture<>();
                held.add(result);
                return result;
            }
            throw new IllegalStateException("not connected");
        }, (result, failure) -> {
            if (failure != null) {
                failures.incrementAndGet();
            }
        });
        int queued = 200_000;
        for (int i = 0; i < PublishWindow.LIMIT + queued; i++) {
            window.publish(new byte[0]);
        }
        held.forEach(result -> result.completeExceptionally(new IllegalStateException("connection lost")));

        assertEquals(PublishWindow.LIMIT + queued, failures.get(), "every publish is reported failed, none lost");
        assertEquals(PublishWindow.LIMIT + queued, calls.get(), "each queued publish was handed to the client once");
    }
}
