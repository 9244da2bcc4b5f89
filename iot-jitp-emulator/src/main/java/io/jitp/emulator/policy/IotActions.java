package io.jitp.emulator.policy;

/** The IAM action names of the AWS IoT data plane and the ARN resource types they apply to. */
public final class IotActions {

    /** MQTT CONNECT, on {@code client/<clientId>}. */
    public static final String CONNECT = "iot:Connect";
    /** MQTT PUBLISH, on {@code topic/<topic>}. */
    public static final String PUBLISH = "iot:Publish";
    /** A retained MQTT PUBLISH (in addition to {@link #PUBLISH}), on {@code topic/<topic>}. */
    public static final String RETAIN_PUBLISH = "iot:RetainPublish";
    /** MQTT SUBSCRIBE, on {@code topicfilter/<filter>}. */
    public static final String SUBSCRIBE = "iot:Subscribe";
    /** Delivery of a message to a client, on {@code topic/<topic>}. */
    public static final String RECEIVE = "iot:Receive";

    /** ARN resource type of {@link #CONNECT}. */
    public static final String CLIENT = "client";
    /** ARN resource type of {@link #PUBLISH}, {@link #RETAIN_PUBLISH} and {@link #RECEIVE}. */
    public static final String TOPIC = "topic";
    /** ARN resource type of {@link #SUBSCRIBE}. */
    public static final String TOPIC_FILTER = "topicfilter";

    private IotActions() {
    }
}
