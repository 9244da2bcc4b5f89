package io.jitp.maven;

import org.apache.maven.plugin.MojoFailureException;

/** Checks the {@code iot.qos} parameter. */
final class Qos {
    private Qos() {
    }

    /**
     * @param qos the configured QoS
     * @return it, if AWS IoT supports it
     * @throws MojoFailureException for anything but 0 or 1
     */
    static int check(int qos) throws MojoFailureException {
        if (qos != 0 && qos != 1) {
            throw new MojoFailureException(PropertyNames.QOS + "=" + qos + ": AWS IoT supports QoS 0 and 1 only");
        }
        return qos;
    }
}
