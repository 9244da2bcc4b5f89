package io.jitp.emulator.mqtt;

import java.security.cert.X509Certificate;
import java.util.Set;

/**
 * One authenticated MQTT connection: who it is (client id, certificate) and what it subscribed to.
 *
 * @param token          unique per connection, kept in HiveMQ's connection attribute store (a client id alone
 *                       would confuse an old connection with the one that took it over)
 * @param clientId       MQTT client id
 * @param certificate    client certificate
 * @param certificateId  its id (SHA-256 of the DER)
 * @param certificateArn its ARN, the principal policies are attached to
 * @param filters        topic filters of the session's subscriptions (shared by connections of a resumed session)
 * @param publishRate    publishes per second, for the quotas mode
 */
record DeviceConnection(String token, String clientId, X509Certificate certificate, String certificateId,
                        String certificateArn, Set<String> filters, RateWindow publishRate) {
}
