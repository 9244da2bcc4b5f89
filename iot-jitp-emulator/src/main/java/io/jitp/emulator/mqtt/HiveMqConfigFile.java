package io.jitp.emulator.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes HiveMQ's {@code config.xml}: mutual-TLS listeners, in-memory persistence and the MQTT limits AWS IoT
 * applies (QoS 0 and 1 only, client ids up to 128 bytes, keep-alive up to 1200 s).
 */
final class HiveMqConfigFile {

    /** AWS IoT's limit on queued messages is per-account; keep HiveMQ's per-client queue generous for load tests. */
    private static final int QUEUED_MESSAGES = 10_000;

    private HiveMqConfigFile() {
    }

    /**
     * @param configFolder       HiveMQ configuration folder
     * @param listeners          the TLS listeners
     * @param runFolder          the folder holding each listener's key store ({@link TlsListener#keystoreIn}) and
     *                           placeholder truststore ({@link TlsListener#truststoreIn}, see
     *                           {@link RegistryTrustProvider})
     * @param storePassword      password of all stores
     */
    static void write(Path configFolder, List<TlsListener> listeners, Path runFolder, String storePassword)
            throws IOException {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                """);
        for (TlsListener listener : listeners) {
            // Absolute paths: HiveMQ resolves relative ones against its own jar's folder.
            xml.append("""
                        <tls-tcp-listener>
                          <port>%d</port>
                          <bind-address>%s</bind-address>
                          <name>%s</name>
                          <tls>
                            <keystore>
                              <path>%s</path>
                              <password>%s</password>
                              <private-key-password>%s</private-key-password>
                            </keystore>
                            <truststore>
                              <path>%s</path>
                              <password>%s</password>
                            </truststore>
                            <protocols>
                              <protocol>TLSv1.3</protocol>
                              <protocol>TLSv1.2</protocol>
                            </protocols>
                            <client-authentication-mode>REQUIRED</client-authentication-mode>
                          </tls>
                        </tls-tcp-listener>
                    """.formatted(listener.port(), listener.bindAddress(), listener.name(),
                    listener.keystoreIn(runFolder).toAbsolutePath(), storePassword, storePassword,
                    listener.truststoreIn(runFolder).toAbsolutePath(),
                    storePassword));
        }
        xml.append("""
                  </listeners>
                  <mqtt>
                    <queued-messages>
                      <max-queue-size>%d</max-queue-size>
                    </queued-messages>
                    <quality-of-service>
                      <max-qos>1</max-qos>
                    </quality-of-service>
                    <keep-alive>
                      <max-keep-alive>1200</max-keep-alive>
                    </keep-alive>
                  </mqtt>
                  <restrictions>
                    <max-client-id-length>128</max-client-id-length>
                  </restrictions>
                  <persistence>
                    <mode>in-memory</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(QUEUED_MESSAGES));
        Files.createDirectories(configFolder);
        Files.writeString(configFolder.resolve("config.xml"), xml.toString(), StandardCharsets.UTF_8);
    }
}
