package io.jitp.core.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who asked for a certificate, as the audit log records it: the operating-system user, the host, and what asked
 * (e.g. {@code mvn iot:provision-devices}).
 *
 * @param user    the OS user name
 * @param host    the host name
 * @param purpose what asked, e.g. the goal
 */
public record Requester(String user, String host, String purpose) {

    /**
     * @param purpose what asks, e.g. {@code mvn iot:provision-devices}
     * @return this process's user and host asking for {@code purpose}
     */
    public static Requester current(String purpose) {
        return new Requester(System.getProperty("user.name", "unknown"), hostName(), purpose);
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // The audit line still names the user and the purpose; an unknown host must not stop issuance.
            return "unknown";
        }
    }
}
