package io.jitp.core.loadtest;

/**
 * One AWS IoT default quota next to what the plan asks for.
 *
 * @param quota   the quota's name as AWS's service quotas page words it
 * @param planned what the plan needs
 * @param limit   AWS's default limit
 * @param unit    the unit both numbers are in
 */
public record QuotaCheck(String quota, double planned, double limit, String unit) {
    /** @return whether the plan stays within the quota */
    public boolean within() {
        return planned <= limit;
    }

    /** @return one line for the printed plan */
    public String describe() {
        return String.format("%-44s %12s / %-8s %s %s", quota, LoadTestPlan.trim(planned), LoadTestPlan.trim(limit),
                unit, within() ? "ok" : "EXCEEDED");
    }
}
