package io.jitp.emulator.mqtt;

import com.hivemq.extension.sdk.api.parameter.ClientBasedInput;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The broker's live connections, found from any HiveMQ callback through a token in the connection's attributes. */
final class Connections {

    private static final String TOKEN = "iot-jitp.connection";
    /** Without the quotas mode publishes are not limited. */
    private static final int UNLIMITED_PUBLISHES = Integer.MAX_VALUE;

    private final Map<String, DeviceConnection> byToken = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> sessionFilters = new ConcurrentHashMap<>();
    private final int publishesPerSecond;

    /** @param quotasMode whether connections are limited to AWS's 100 publishes per second */
    Connections(boolean quotasMode) {
        this.publishesPerSecond = quotasMode ? 100 : UNLIMITED_PUBLISHES;
    }

    /**
     * Records an authenticated connection and tags it with its token.
     *
     * @param input       the CONNECT callback's input
     * @param certificate the client certificate
     * @param id          certificate id
     * @param arn         certificate ARN
     * @param cleanStart  whether the client asked for a new session (its earlier subscriptions are forgotten)
     * @return the connection
     */
    DeviceConnection open(ClientBasedInput input, X509Certificate certificate, String id, String arn,
                          boolean cleanStart) {
        String clientId = input.getClientInformation().getClientId();
        Set<String> filters = cleanStart
                ? newFilterSet(clientId)
                : sessionFilters.computeIfAbsent(clientId, c -> ConcurrentHashMap.newKeySet());
        DeviceConnection connection = new DeviceConnection(UUID.randomUUID().toString(), clientId, certificate, id,
                arn, filters, new RateWindow(publishesPerSecond));
        byToken.put(connection.token(), connection);
        input.getConnectionInformation().getConnectionAttributeStore().putAsString(TOKEN, connection.token());
        return connection;
    }

    private Set<String> newFilterSet(String clientId) {
        Set<String> filters = ConcurrentHashMap.newKeySet();
        sessionFilters.put(clientId, filters);
        return filters;
    }

    /** @return the connection a callback is about, if it was authenticated by this broker */
    Optional<DeviceConnection> of(ClientBasedInput input) {
        return input.getConnectionInformation().getConnectionAttributeStore().getAsString(TOKEN)
                .map(byToken::get);
    }

    /** Forgets a closed connection (its session's subscriptions stay for a resumed session). */
    void closed(ClientBasedInput input) {
        input.getConnectionInformation().getConnectionAttributeStore().getAsString(TOKEN).ifPresent(byToken::remove);
    }

    /** @return client ids of the open connections authenticated with a certificate */
    List<String> clientIdsOf(String certificateId) {
        return byToken.values().stream().filter(c -> c.certificateId().equals(certificateId))
                .map(DeviceConnection::clientId).distinct().toList();
    }

    /** @return the number of open connections */
    int size() {
        return byToken.size();
    }
}
