package io.jitp.emulator.sqs;

import io.jitp.emulator.http.AwsErrors;
import io.jitp.emulator.http.HttpReply;
import io.jitp.emulator.http.ReceivedRequest;
import io.jitp.emulator.http.RestApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves SQS on the front door: passes each request, its signature already checked, to ElasticMQ as it came, and
 * ElasticMQ's answer back. A request that arrives while ElasticMQ is still starting waits for it (starting it if
 * nothing has yet), so a client may use SQS right after the readiness signal; if ElasticMQ cannot start, the
 * request gets {@code ServiceUnavailable} (503) with the reason, in the protocol the client speaks.
 *
 * <p>A request that changes a queue ({@link QueueChange}) and that ElasticMQ accepted has the queue recorded as it
 * now is before the client gets the answer, so the change survives a restart of the stand-in; a refused request
 * records nothing.
 */
final class SqsForwarder implements RestApi {
    private static final Logger LOG = LoggerFactory.getLogger(SqsForwarder.class);
    /** Headers the JDK's client sets itself, and hop-by-hop ones that belong to the client's own connection. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "date");
    /** Long polls (ReceiveMessage with WaitTimeSeconds up to 20) must outlive their wait. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final QueueService queues;

    SqsForwarder(QueueService queues) {
        this.queues = queues;
    }

    @Override
    public HttpReply handle(ReceivedRequest request) {
        URI elasticMq;
        try {
            elasticMq = queues.awaitElasticMq();
        } catch (IllegalStateException e) {
            LOG.warn("SQS request refused: {}", e.getMessage());
            return unavailable(request, "SQS is unavailable: " + e.getMessage());
        }
        Optional<QueueChange> change = QueueChange.of(request);
        try {
            HttpResponse<byte[]> response = ElasticMqHttp.CLIENT.send(forwarded(request, elasticMq),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200 && change.isPresent()) {
                return recorded(request, change.get(), reply(response));
            }
            return reply(response);
        } catch (IOException e) {
            LOG.warn("SQS request could not reach ElasticMQ at {}: {}", elasticMq, e.toString());
            return unavailable(request, "SQS is unavailable: ElasticMQ at " + elasticMq + " did not answer (" + e
                    + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(request, "The stand-in is stopping");
        }
    }

    /**
     * @return ElasticMQ's answer once the change is recorded; if it cannot be, an {@code InternalFailure} (500)
     *         saying that the change happened but will not survive a restart, rather than a silent loss
     */
    private HttpReply recorded(ReceivedRequest request, QueueChange change, HttpReply answer) {
        try {
            queues.recordAsItIsNow(change.queueName());
            return answer;
        } catch (RuntimeException e) {
            LOG.error("SQS {} of queue {} succeeded but could not be recorded: {}", change.operation(),
                    change.queueName(), e.getMessage());
            return error(request, 500, "InternalFailure", "SQS " + change.operation() + " of queue "
                    + change.queueName() + " took effect but could not be recorded, so it will not survive a restart "
                    + "of the stand-in: " + e.getMessage());
        }
    }

    private static HttpRequest forwarded(ReceivedRequest request, URI elasticMq) {
        String target = request.rawPath() + (request.rawQuery() == null ? "" : "?" + request.rawQuery());
        HttpRequest.Builder builder = HttpRequest.newBuilder(elasticMq.resolve(target)).timeout(TIMEOUT)
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static HttpReply reply(HttpResponse<byte[]> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !lower.equals("content-type") && !lower.equals("server")
                    && !values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        String contentType = response.headers().firstValue("content-type").orElse(null);
        return new HttpReply(response.statusCode(), contentType, headers, response.body());
    }

    private static HttpReply unavailable(ReceivedRequest request, String message) {
        return error(request, 503, "ServiceUnavailable", message);
    }

    /** An error in the shape of the client's protocol: JSON 1.0 (AWS SDK v2) or query-protocol XML (AWS CLI 2.9). */
    private static HttpReply error(ReceivedRequest request, int status, String code, String message) {
        String contentType = request.header("content-type");
        boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-amz-json");
        return json ? AwsErrors.json(status, code, message, Map.of()) : AwsErrors.xml(status, code, message);
    }
}
