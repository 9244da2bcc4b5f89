package io.jitp.core.loadtest;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Keeps a link's unfinished publishes below the point where the HiveMQ client would block the caller. The client's
 * async {@code publish} lets a connection have at most 64 publishes awaiting their completion (QoS 1: the PUBACK);
 * the 65th waits inside {@code publish} until one completes. Completions are processed on the client's event loop,
 * which is also the thread that forwards received messages and runs the publishers' timers: a burst of forwards
 * against a broker with a small Receive Maximum (HiveMQ's default is 10) would park the event loop waiting for
 * PUBACKs only that event loop can read, and the whole generator would stop. So at most {@value #LIMIT} are handed
 * to the client; later ones wait here, in order, and go out as earlier ones complete. Nothing is dropped: the
 * offered load is the seed's, only its hand-off to the client is paced by the broker's acknowledgements.
 *
 * @param <T> what the client's publish completes with
 */
final class PublishWindow<T> {
    /** Half the client's 64, so a completion that reaches us before the client has counted it cannot block a send. */
    static final int LIMIT = 32;

    private final Function<byte[], CompletableFuture<T>> send;
    private final BiConsumer<T, Throwable> completed;
    private final Queue<byte[]> waiting = new ArrayDeque<>();
    private int unfinished;

    /**
     * @param send      hands one payload to the client, returning the client's completion
     * @param completed told each publish's result or failure, after the window has moved on
     */
    PublishWindow(Function<byte[], CompletableFuture<T>> send, BiConsumer<T, Throwable> completed) {
        this.send = send;
        this.completed = completed;
    }

    /** @param payload sent now if the window has room, else after the publishes before it complete */
    void publish(byte[] payload) {
        synchronized (this) {
            if (unfinished >= LIMIT) {
                waiting.add(payload);
                return;
            }
            unfinished++;
        }
        send(payload);
    }

    /**
     * Sends one payload and, while the client completes sends at once (a closed connection fails them on the spot),
     * the waiting ones after it: a loop, not a recursion, so a long queue cannot overflow the stack.
     */
    private void send(byte[] payload) {
        byte[] next = payload;
        while (next != null) {
            CompletableFuture<T> result;
            try {
                result = send.apply(next);
            } catch (RuntimeException e) {
                result = CompletableFuture.failedFuture(e);
            }
            if (!result.isDone()) {
                result.whenComplete(this::finishedLater);
                return;
            }
            next = settle(result);
        }
    }

    private void finishedLater(T result, Throwable failure) {
        byte[] next = finished(result, failure);
        if (next != null) {
            send(next);
        }
    }

    private byte[] settle(CompletableFuture<T> done) {
        try {
            return finished(done.join(), null);
        } catch (CompletionException | CancellationException e) {
            return finished(null, e);
        }
    }

    /** @return the next payload to send in the completed one's place, or null if none waits */
    private byte[] finished(T result, Throwable failure) {
        byte[] next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                unfinished--;
            }
        }
        completed.accept(result, failure);
        return next;
    }
}
