package io.jitp.sample.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The sample "firmware": a device agent that would read the {@code endpoint.json} of its ship bundle and connect.
 * It only reports what it is; the build around it is the point of this sample.
 */
public final class DeviceAgent {
    private DeviceAgent() {
    }

    /**
     * @param args ignored
     * @throws IOException if the bundled version file is missing
     */
    public static void main(String[] args) throws IOException {
        System.out.println("device agent " + version() + ": reads endpoint.json, device/certificate.pem,"
                + " device/private.key and root-ca.pem from its bundle");
    }

    static String version() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = DeviceAgent.class.getResourceAsStream("/agent.properties")) {
            properties.load(in);
        }
        return properties.getProperty("version");
    }
}
