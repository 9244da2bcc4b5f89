package io.jitp.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jitp.emulator.faults.FaultKind;
import io.jitp.emulator.faults.FaultPlan;
import io.jitp.emulator.faults.FaultRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in's one HTTP port: verifies each request's signature, then routes requests signed for a service
 * served on its own ({@link #serveSigningName}: SQS) to that service, query-protocol forms ({@code POST /},
 * form-encoded, {@code Action=…}) to the {@link QueryProtocolHandler} and everything else to the IoT REST API.
 * The signing name tells SQS apart reliably: the AWS SDK (JSON 1.0) and the AWS CLI (query protocol) both sign SQS
 * requests as {@code sqs}, and the query protocol alone cannot tell an SQS form from a CloudFormation one.
 * Authentication errors take the shape of the protocol the client speaks.
 *
 * <p>A body larger than the configured limit is refused with 413 before it is read into memory. Faults configured
 * with {@code --faults} are injected after the request is read and before it is served.
 */
public final class FrontDoor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
    private static final int THREADS = 8;

    private final SignatureVerifier verifier;
    private final RestApi restApi;
    private final long maxRequestBytes;
    private final FaultPlan faults;
    private volatile QueryProtocolHandler queryHandler;
    private final Map<String, RestApi> bySigningName = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param verifier checks signatures
     * @param restApi serves REST-JSON requests
     * @param maxRequestBytes the largest request body accepted
     * @param faults the faults to inject
     */
    public FrontDoor(SignatureVerifier verifier, RestApi restApi, long maxRequestBytes, FaultPlan faults) {
        this.verifier = verifier;
        this.restApi = restApi;
        this.maxRequestBytes = maxRequestBytes;
        this.faults = faults;
    }

    /** @param handler serves query-protocol forms (CloudFormation); null answers them with an XML error */
    public void setQueryProtocolHandler(QueryProtocolHandler handler) {
        this.queryHandler = handler;
    }

    /**
     * @param signingName the service name in the SigV4 credential scope, such as {@code sqs}
     * @param service serves the requests signed for it, after their signature is checked
     */
    public void serveSigningName(String signingName, RestApi service) {
        bySigningName.put(signingName, service);
    }

    /**
     * @param bindAddress the address to listen on
     * @param port the port, 0 for a free one
     * @throws IOException if the port cannot be bound
     */
    public void start(String bindAddress, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
        executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "iot-jitp-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** @return the URL clients use ({@code --endpoint-url}) */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        // Bound to every interface: this machine's clients still reach it on loopback.
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpReply reply;
            ReceivedRequest request = null;
            try {
                request = read(exchange, maxRequestBytes);
                Optional<FaultRule> fault = faults.forHttp(label(request));
                if (fault.isPresent() && fault.get().kind() == FaultKind.DROP) {
                    LOG.info("Injected fault: dropping the connection of {}", label(request));
                    return;
                }
                reply = fault.isPresent() ? injected(fault.get(), request) : null;
                if (reply == null) {
                    reply = serve(request);
                }
            } catch (RequestTooLargeException e) {
                reply = tooLarge(exchange);
            } catch (IllegalArgumentException e) {
                // An HTTP method or a percent-encoding no AWS client would send.
                reply = AwsErrors.json(400, "InvalidRequestException", "Malformed request: " + e.getMessage(),
                        Map.of());
            } catch (RuntimeException e) {
                LOG.error("Request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                reply = request != null && isQueryProtocol(request)
                        ? AwsErrors.xml(500, "InternalFailure", "The stand-in failed: " + e)
                        : AwsErrors.json(500, "InternalFailureException", "The stand-in failed: " + e, Map.of());
            }
            send(exchange, reply);
        }
    }

    /**
     * @param request a request as received
     * @return the answer, authentication errors included
     */
    HttpReply serve(ReceivedRequest request) {
        boolean query = isQueryProtocol(request);
        String signingName;
        try {
            signingName = verifier.verify(request);
        } catch (AuthenticationFailure e) {
            LOG.info("Refused {} {}: {}", request.method(), request.rawPath(), e.getMessage());
            return query ? AwsErrors.xml(403, e.queryCode(), e.getMessage())
                    : AwsErrors.json(403, e.restCode(), e.getMessage(), Map.of());
        }
        RestApi service = bySigningName.get(signingName);
        if (service != null) {
            return service.handle(request);
        }
        return query ? serveQuery(ReceivedRequest.decodeForm(request.bodyText(), true)) : restApi.handle(request);
    }

    private HttpReply serveQuery(Map<String, String> form) {
        QueryProtocolHandler handler = queryHandler;
        String action = form.get("Action");
        if (handler == null || action == null) {
            return AwsErrors.xml(400, "InvalidAction", "The action " + action
                    + " is not valid for this web service.");
        }
        return handler.handle(form);
    }

    private static boolean isQueryProtocol(ReceivedRequest request) {
        return isQueryProtocol(request.method(), request.rawPath(), request.header("content-type"));
    }

    private static boolean isQueryProtocol(String method, String rawPath, String contentType) {
        return method.equals("POST") && rawPath.equals("/") && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** @return what a fault rule's operation filter matches: the query Action, or {@code METHOD /path} */
    private static String label(ReceivedRequest request) {
        if (isQueryProtocol(request)) {
            return String.valueOf(ReceivedRequest.decodeForm(request.bodyText(), true).get("Action"));
        }
        return request.method() + " " + request.rawPath();
    }

    /** @return the injected error, or null when the request is to be served (after a delay) */
    private static HttpReply injected(FaultRule fault, ReceivedRequest request) {
        FaultKind kind = fault.kind();
        LOG.info("Injected fault: {} for {}", kind.specName(), label(request));
        if (kind == FaultKind.DELAY) {
            try {
                Thread.sleep(fault.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
        return isQueryProtocol(request) ? AwsErrors.xml(kind.queryStatus(), kind.queryCode(), kind.message())
                : AwsErrors.json(kind.restStatus(), kind.restCode(), kind.message(), Map.of());
    }

    /** 413 in the protocol's error shape; the body is not read, and the server drains or drops what is left. */
    private HttpReply tooLarge(HttpExchange exchange) {
        String message = "Request body exceeds the stand-in's limit of " + maxRequestBytes
                + " bytes (--max-request-bytes)";
        LOG.info("Refused {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), message);
        return isQueryProtocol(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"))
                ? AwsErrors.xml(413, "RequestEntityTooLarge", message)
                : AwsErrors.json(413, "RequestEntityTooLargeException", message, Map.of());
    }

    private static ReceivedRequest read(HttpExchange exchange, long maxRequestBytes) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                List.copyOf(values)));
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && isLarger(declared, maxRequestBytes)) {
            throw new RequestTooLargeException();
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            // A chunked body declares no length: read one byte past the limit to know it is too long.
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxRequestBytes) + 1);
        }
        if (body.length > maxRequestBytes) {
            throw new RequestTooLargeException();
        }
        URI uri = exchange.getRequestURI();
        return new ReceivedRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
    }

    private static void send(HttpExchange exchange, HttpReply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        boolean empty = reply.body().length == 0;
        exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    private static boolean isLarger(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.strip()) > limit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Content-Length '" + contentLength + "' is not a number");
        }
    }

    /** The body is over the limit; thrown before more of it is read. */
    private static final class RequestTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
