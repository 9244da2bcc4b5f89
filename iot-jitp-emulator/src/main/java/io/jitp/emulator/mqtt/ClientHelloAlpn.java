package io.jitp.emulator.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ALPN protocol names a TLS ClientHello offers (RFC 7301), without decrypting anything: the ClientHello
 * is sent in the clear, so a TCP gate can check it before handing the connection to the TLS listener.
 */
final class ClientHelloAlpn {

    private static final int HANDSHAKE_RECORD = 22;
    private static final int CLIENT_HELLO = 1;
    private static final int ALPN_EXTENSION = 16;

    private ClientHelloAlpn() {
    }

    /**
     * @param record one complete TLS record (5-byte header included)
     * @return the offered protocol names, empty when the record is no ClientHello or offers none
     */
    static List<String> offered(byte[] record) {
        List<String> protocols = new ArrayList<>();
        try {
            ByteBuffer in = ByteBuffer.wrap(record);
            if ((in.get() & 0xFF) != HANDSHAKE_RECORD) {
                return protocols;
            }
            in.position(5);
            if ((in.get() & 0xFF) != CLIENT_HELLO) {
                return protocols;
            }
            in.position(in.position() + 3 + 2 + 32);
            skip(in, in.get() & 0xFF);
            skip(in, in.getShort() & 0xFFFF);
            skip(in, in.get() & 0xFF);
            int extensionsEnd = (in.getShort() & 0xFFFF) + in.position();
            while (in.position() + 4 <= extensionsEnd) {
                int type = in.getShort() & 0xFFFF;
                int length = in.getShort() & 0xFFFF;
                if (type != ALPN_EXTENSION) {
                    skip(in, length);
                    continue;
                }
                int listEnd = (in.getShort() & 0xFFFF) + in.position();
                while (in.position() < listEnd) {
                    byte[] name = new byte[in.get() & 0xFF];
                    in.get(name);
                    protocols.add(new String(name, StandardCharsets.US_ASCII));
                }
                return protocols;
            }
        } catch (RuntimeException malformed) {
            // A truncated or malformed ClientHello offers nothing usable.
        }
        return protocols;
    }

    private static void skip(ByteBuffer in, int bytes) {
        in.position(in.position() + bytes);
    }
}
