package io.jitp.core.emulator;

import java.nio.file.Path;

/** How to point the usual tools (the AWS CLI, mosquitto) at a running stand-in, printed by the emulator goals. */
public final class StandInUsage {
    private StandInUsage() {
    }

    /**
     * @param endpoints      the running stand-in
     * @param stateDirectory its state directory (where {@code endpoints.json} holds the secret)
     * @return shell lines a user can paste; the secret itself is read from the file, never printed
     */
    public static String describe(StandInEndpoints endpoints, Path stateDirectory) {
        Path file = stateDirectory.toAbsolutePath().resolve(StandInEndpoints.FILE_NAME);
        return String.join("\n",
                "Control plane (IoT, CloudFormation, STS): " + endpoints.controlPlaneUrl(),
                "MQTT over TLS: " + endpoints.mqttHost() + ":" + endpoints.mqttPort()
                        + (endpoints.alpnPort() < 0 ? "" : ", with ALPN x-amzn-mqtt-ca (AWS's 443): "
                        + endpoints.mqttHost() + ":" + endpoints.alpnPort() + " (-Diot.mqttAlpn=true)")
                        + (endpoints.sqsEndpoint() == null ? "" : ", SQS: " + endpoints.sqsEndpoint()),
                "Region " + endpoints.region() + ", account " + endpoints.accountId(),
                "AWS CLI:",
                "  export AWS_ACCESS_KEY_ID=" + endpoints.accessKeyId() + " AWS_DEFAULT_REGION=" + endpoints.region(),
                "  export AWS_SECRET_ACCESS_KEY=$(python3 -c 'import json;print(json.load(open(\"" + file
                        + "\"))[\"secretAccessKey\"])')",
                "  /usr/bin/aws --endpoint-url " + endpoints.controlPlaneUrl() + " iot list-things",
                "mosquitto_pub as a device (after mvn iot:provision -Diot.device=dev1):",
                "  mosquitto_pub -h " + endpoints.mqttHost() + " -p " + endpoints.mqttPort() + " --cafile "
                        + endpoints.rootCaPemPath() + " --cert target/iot-jitp/devices/dev1.crt"
                        + " --key target/iot-jitp/devices/dev1.key -i dev1 -t dev1 -m hello",
                "  (the first connection of a new device provisions it through JITP and is closed: run it twice)");
    }
}
