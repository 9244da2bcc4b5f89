package io.jitp.emulator.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The stand-in's own calls to ElasticMQ, in the JSON 1.0 protocol (ElasticMQ checks no signature). */
final class ElasticMqApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI elasticMq;

    /** @param elasticMq where ElasticMQ listens */
    ElasticMqApi(URI elasticMq) {
        this.elasticMq = elasticMq;
    }

    /**
     * @param operation an SQS operation such as {@code CreateQueue}
     * @param body      its JSON request
     * @return ElasticMQ's answer
     * @throws IllegalStateException with ElasticMQ's error, if it refused the request
     */
    JsonNode call(String operation, Map<String, ?> body) {
        HttpResponse<String> response = send(operation, body);
        if (response.statusCode() != 200) {
            throw refused(operation, response);
        }
        return parse(operation, response);
    }

    /**
     * @return ElasticMQ's answer, or empty when the queue the request names does not exist
     * @throws IllegalStateException with ElasticMQ's error, if it refused the request for another reason
     */
    Optional<JsonNode> callOnQueue(String operation, Map<String, ?> body) {
        HttpResponse<String> response = send(operation, body);
        if (response.statusCode() == 200) {
            return Optional.of(parse(operation, response));
        }
        // ElasticMQ answers AWS's code in both spellings: the query protocol's and the JSON protocol's __type.
        if (response.body().contains("NonExistentQueue") || response.body().contains("QueueDoesNotExist")) {
            return Optional.empty();
        }
        throw refused(operation, response);
    }

    private HttpResponse<String> send(String operation, Map<String, ?> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(elasticMq)
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", "AmazonSQS." + operation)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            return ElasticMqHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("SQS " + operation + " could not reach ElasticMQ at " + elasticMq, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during SQS " + operation, e);
        }
    }

    private static IllegalStateException refused(String operation, HttpResponse<String> response) {
        return new IllegalStateException("SQS " + operation + " failed with HTTP " + response.statusCode() + ": "
                + response.body());
    }

    private JsonNode parse(String operation, HttpResponse<String> response) {
        try {
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("SQS " + operation + ": ElasticMQ at " + elasticMq
                    + " answered what is not JSON", e);
        }
    }
}
