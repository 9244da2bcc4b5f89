package io.jitp.core.loadtest;

import io.jitp.core.InvalidInputException;
import io.jitp.core.Reporter;

import java.util.List;

/**
 * AWS IoT Core's default data-plane quotas (per account and region; they can be raised through a quota request) and
 * the plan compared with them. Against AWS a plan breaking one is refused unless forced: AWS would throttle or
 * discard the excess and the figures would measure the throttling. Against the stand-in it is a warning.
 */
public final class AwsIotQuotas {
    /** Inbound publishes per second per account. */
    public static final double INBOUND_PER_ACCOUNT = 20_000;
    /** Outbound publishes per second per account. */
    public static final double OUTBOUND_PER_ACCOUNT = 20_000;
    /** Publishes per second per connection (AWS discards the excess). */
    public static final double PUBLISHES_PER_CONNECTION = 100;
    /** Subscriptions per connection. */
    public static final double SUBSCRIPTIONS_PER_CONNECTION = 50;
    /** CONNECT requests per second per account. */
    public static final double CONNECTS_PER_ACCOUNT = 500;
    /** CONNECT requests per second per client id. */
    public static final double CONNECTS_PER_CLIENT_ID = 1;
    /** The connector waits this long before connecting a client id again, to stay under one CONNECT per second. */
    public static final long RECONNECT_PAUSE_MILLIS = 1_100;

    private AwsIotQuotas() {
    }

    /**
     * @param plan a plan
     * @return every quota with the plan's figure for it
     */
    public static List<QuotaCheck> check(LoadTestPlan plan) {
        return List.of(
                new QuotaCheck("Inbound publishes per account", plan.expectedInboundPerSecond(),
                        INBOUND_PER_ACCOUNT, "msg/s"),
                new QuotaCheck("Outbound publishes per account", plan.expectedOutboundPerSecond()
                        + plan.collectorPerSecond(), OUTBOUND_PER_ACCOUNT, "msg/s"),
                new QuotaCheck("Publishes per connection", plan.publishesPerConnection(), PUBLISHES_PER_CONNECTION,
                        "msg/s"),
                new QuotaCheck("Subscriptions per connection", plan.subscriptionsPerConnection(),
                        SUBSCRIPTIONS_PER_CONNECTION, ""),
                new QuotaCheck("CONNECT requests per account", plan.connectsPerSecond(), CONNECTS_PER_ACCOUNT,
                        "/s"),
                new QuotaCheck("CONNECT requests per client id", 1000.0 / RECONNECT_PAUSE_MILLIS,
                        CONNECTS_PER_CLIENT_ID, "/s"));
    }

    /**
     * Prints the comparison and applies it.
     *
     * @param plan     the plan
     * @param aws      whether the target is AWS (else the stand-in or another broker)
     * @param force    run a plan breaking a quota against AWS anyway
     * @param reporter where the table goes
     * @return the quotas the plan breaks
     * @throws InvalidInputException against AWS, when a quota is broken and not forced
     */
    public static List<QuotaCheck> enforce(LoadTestPlan plan, boolean aws, boolean force, Reporter reporter) {
        List<QuotaCheck> checks = check(plan);
        reporter.info("AWS IoT default quotas (planned / limit):");
        checks.forEach(c -> reporter.info("  " + c.describe()));
        List<QuotaCheck> broken = checks.stream().filter(c -> !c.within()).toList();
        if (broken.isEmpty()) {
            return broken;
        }
        String names = String.join(", ", broken.stream().map(QuotaCheck::quota).toList());
        if (aws && !force) {
            throw new InvalidInputException("The plan exceeds AWS IoT's default quotas (" + names + "): AWS would"
                    + " throttle or discard the excess. Reduce iot.loadtest.publishers/subscribers/rate, lengthen"
                    + " iot.loadtest.rampUp, or run anyway with -Diot.loadtest.force=true after raising the quotas.");
        }
        reporter.warn("The plan exceeds AWS IoT's default quotas (" + names + ")" + (aws
                ? "; running anyway because iot.loadtest.force=true"
                : "; fine against this broker, but AWS would throttle it"));
        return broken;
    }
}
