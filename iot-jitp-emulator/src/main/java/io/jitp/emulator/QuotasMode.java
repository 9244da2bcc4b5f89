package io.jitp.emulator;

/** Whether the data plane enforces AWS IoT's default quotas (connect and publish rates, sizes). */
public enum QuotasMode {
    /** Enforce AWS's documented defaults, so a load test sees what it would see in AWS. */
    AWS,
    /** Enforce nothing; for benchmarks of the stand-in itself. */
    OFF
}
