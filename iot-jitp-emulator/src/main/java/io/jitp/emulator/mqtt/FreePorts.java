package io.jitp.emulator.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks done before HiveMQ binds: a bind failure inside HiveMQ would end the JVM. */
final class FreePorts {

    private FreePorts() {
    }

    /**
     * @param bindAddress the listener address
     * @param requested   a port, or 0 for any free one
     * @return the requested port once it is known to be free, or a free port
     * @throws IOException naming the port when it is taken
     */
    static int check(String bindAddress, int requested) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), requested));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IOException("MQTT port " + requested + " on " + bindAddress + " is already in use or not "
                    + "available (" + e.getMessage() + "); stop what uses it, or choose another port with --mqtt-port "
                    + "(0 picks a free one)", e);
        }
    }
}
