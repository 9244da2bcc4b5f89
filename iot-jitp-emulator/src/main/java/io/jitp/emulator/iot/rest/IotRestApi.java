package io.jitp.emulator.iot.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.emulator.http.AwsErrors;
import io.jitp.emulator.http.HttpReply;
import io.jitp.emulator.http.ReceivedRequest;
import io.jitp.emulator.http.RestApi;
import io.jitp.emulator.iot.IotException;
import io.jitp.emulator.iot.IotRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS IoT control plane over REST-JSON: routes each call to its operation and turns {@link IotException}s
 * into AWS's error shape.
 */
public final class IotRestApi implements RestApi {
    private static final Logger LOG = LoggerFactory.getLogger(IotRestApi.class);
    /** Endpoint types DescribeEndpoint answers with the data endpoint host (no type means the legacy one). */
    private static final Set<String> DATA_ENDPOINT_TYPES = Set.of("iot:Data", "iot:Data-ATS");

    private final Routes routes = new Routes();
    private final String dataEndpointHost;

    /**
     * @param registry the registry served
     * @param ownCa the stand-in's CA, which signs CreateKeysAndCertificate's certificates as Amazon's would;
     *        asked for at the first such call (it may still be loading while the stand-in starts)
     * @param dataEndpointHost the host DescribeEndpoint returns for the MQTT data endpoint
     */
    public IotRestApi(IotRegistry registry, Supplier<CertificateAuthority> ownCa, String dataEndpointHost) {
        this.dataEndpointHost = dataEndpointHost;
        new CaCertificateOperations(registry).addTo(routes);
        new CertificateOperations(registry, ownCa).addTo(routes);
        new ThingOperations(registry).addTo(routes);
        new PolicyOperations(registry).addTo(routes);
        new TopicRuleOperations(registry).addTo(routes);
        routes.add("GET", "/endpoint", this::describeEndpoint);
    }

    @Override
    public HttpReply handle(ReceivedRequest request) {
        Optional<Routes.Match> match = routes.match(request);
        if (match.isEmpty()) {
            return AwsErrors.json(404, "UnknownOperationException", "The stand-in does not serve "
                    + request.method() + " " + request.rawPath(), Map.of());
        }
        try {
            JsonNode reply = match.get().operation().handle(new RestCall(request, match.get().pathParameters()));
            return reply == null ? new HttpReply(200, null, Map.of(), new byte[0])
                    : HttpReply.json(200, reply.toString());
        } catch (IotException e) {
            LOG.debug("{} {} -> {}: {}", request.method(), request.rawPath(), e.errorCode(), e.getMessage());
            return AwsErrors.json(e.httpStatus(), e.errorCode(), e.getMessage(), e.details());
        } catch (IllegalArgumentException e) {
            return AwsErrors.json(400, "InvalidRequestException", e.getMessage(), Map.of());
        }
    }

    private JsonNode describeEndpoint(RestCall call) {
        String type = call.query("endpointType");
        if (type != null && !DATA_ENDPOINT_TYPES.contains(type)) {
            throw IotException.invalidRequest("The stand-in serves only the iot:Data-ATS endpoint, not " + type);
        }
        return Json.object().put("endpointAddress", dataEndpointHost);
    }
}
