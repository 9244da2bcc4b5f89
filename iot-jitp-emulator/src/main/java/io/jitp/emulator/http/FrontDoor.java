package io.jitp.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in's one HTTP port: verifies each request's signature, then routes query-protocol forms
 * ({@code POST /}, form-encoded, {@code Action=…}) to the {@link QueryProtocolHandler} and everything else to the
 * IoT REST API. Authentication errors take the shape of the protocol the client speaks.
 */
public final class FrontDoor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
    private static final int THREADS = 8;

    private final SignatureVerifier verifier;
    private final RestApi restApi;
    private volatile QueryProtocolHandler queryHandler;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param verifier checks signatures
     * @param restApi serves REST-JSON requests
     */
    public FrontDoor(SignatureVerifier verifier, RestApi restApi) {
        this.verifier = verifier;
        this.restApi = restApi;
    }

    /** @param handler serves query-protocol forms (CloudFormation); null answers them with an XML error */
    public void setQueryProtocolHandler(QueryProtocolHandler handler) {
        this.queryHandler = handler;
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
                request = read(exchange);
                reply = serve(request);
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
        try {
            verifier.verify(request);
        } catch (AuthenticationFailure e) {
            LOG.info("Refused {} {}: {}", request.method(), request.rawPath(), e.getMessage());
            return query ? AwsErrors.xml(403, e.queryCode(), e.getMessage())
                    : AwsErrors.json(403, e.restCode(), e.getMessage(), Map.of());
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
        String contentType = request.header("content-type");
        return request.method().equals("POST") && request.rawPath().equals("/") && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static ReceivedRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                List.copyOf(values)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
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
