package io.jitp.emulator.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The port the MQTT listener binds, and why: the one asked for, or, when none was asked for, the standard port
 * (8883, where AWS IoT listens) if it is free, else a free port. Checked before HiveMQ binds, because a bind failure
 * inside HiveMQ would end the JVM.
 *
 * <p>While it is open, a choice of the standard port holds a lock file shared by every stand-in on the machine, so
 * two stand-ins starting at once do not both see 8883 free and then fight over it; close it once the broker has
 * bound the port.
 */
final class MqttPortChoice implements AutoCloseable {

    /** AWS IoT's MQTT-over-TLS port, preferred when no port is asked for. */
    static final int STANDARD_PORT = 8883;

    private final int port;
    private final String reason;
    private final FileChannel lockChannel;

    private MqttPortChoice(int port, String reason, FileChannel lockChannel) {
        this.port = port;
        this.reason = reason;
        this.lockChannel = lockChannel;
    }

    /**
     * @param bindAddress  the listener address
     * @param requested    a port, 0 for any free one, or {@link MqttBrokerSettings#STANDARD_PORT_WHEN_FREE}
     * @param standardPort the port preferred for {@link MqttBrokerSettings#STANDARD_PORT_WHEN_FREE}
     * @param lockFolder   where the machine-wide lock of the standard port lives
     * @param option       the command-line option that sets this port, named in the error
     * @return the choice, to close once the broker listens
     * @throws IOException naming the port when a requested port is taken
     */
    static MqttPortChoice choose(String bindAddress, int requested, int standardPort, Path lockFolder,
                                 String option) throws IOException {
        if (requested != MqttBrokerSettings.STANDARD_PORT_WHEN_FREE) {
            try {
                return new MqttPortChoice(bind(bindAddress, requested),
                        requested == 0 ? "a free port, as configured" : "as configured", null);
            } catch (IOException e) {
                throw new IOException("MQTT port " + requested + " on " + bindAddress + " is already in use or not "
                        + "available (" + e.getMessage() + "); stop what uses it, or choose another port with "
                        + option + " (0 picks a free one)", e);
            }
        }
        FileChannel lock = lockStandardPort(lockFolder, standardPort);
        try {
            return new MqttPortChoice(bind(bindAddress, standardPort), "the standard MQTT port, free", lock);
        } catch (IOException taken) {
            closeQuietly(lock);
            return new MqttPortChoice(bind(bindAddress, 0), "a free port, because the standard port " + standardPort
                    + " is in use on " + bindAddress + " (" + taken.getMessage() + ")", null);
        }
    }

    /** @return the free port (binding and closing it proves it is free now) */
    private static int bind(String bindAddress, int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
            return socket.getLocalPort();
        }
    }

    /** @return the locked channel, or null when the lock file cannot be used (then stand-ins may race; rare) */
    private static FileChannel lockStandardPort(Path lockFolder, int standardPort) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFolder.resolve("iot-jitp-emulator-mqtt-" + standardPort + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock ignored = channel.lock();
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            return null;
        }
    }

    /** @return the port to bind */
    int port() {
        return port;
    }

    /** @return why this port, for the start-up output */
    String reason() {
        return reason;
    }

    /** Releases the standard port's lock (the broker has bound it, or failed). */
    @Override
    public void close() {
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing the channel releases the lock either way.
            }
        }
    }
}
