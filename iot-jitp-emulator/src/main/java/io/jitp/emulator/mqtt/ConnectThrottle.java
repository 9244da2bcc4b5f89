package io.jitp.emulator.mqtt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** AWS IoT's quota of one CONNECT per second per client id (enforced in the quotas mode only). */
final class ConnectThrottle {

    private final boolean enabled;
    private final Map<String, Long> lastConnect = new ConcurrentHashMap<>();

    ConnectThrottle(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * @param clientId  the connecting client id
     * @param nowMillis the current time
     * @return whether the CONNECT is within the quota (if so it is counted)
     */
    boolean tryConnect(String clientId, long nowMillis) {
        if (!enabled) {
            return true;
        }
        boolean[] allowed = {false};
        lastConnect.compute(clientId, (id, last) -> {
            allowed[0] = last == null || nowMillis - last >= 1000;
            return allowed[0] ? nowMillis : last;
        });
        return allowed[0];
    }
}
