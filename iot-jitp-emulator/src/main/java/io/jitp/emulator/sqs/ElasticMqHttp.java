package io.jitp.emulator.sqs;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client that talks to ElasticMQ on loopback (forwarded SQS requests, re-created queues): HTTP/1.1, one per
 * JVM, built when first used. Building a JDK {@code HttpClient} costs a fresh JVM some 150 ms of CPU (its classes,
 * its selector thread), which the stand-in's start need not pay: ElasticMQ starts after the readiness signal.
 */
final class ElasticMqHttp {
    /** The client; this class is loaded, and the client built, on first use. */
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ElasticMqHttp() {
    }
}
