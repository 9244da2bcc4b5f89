/**
 * The load test: the seed's publishers and subscribers in one JVM on an event-loop MQTT client, a plan checked
 * against AWS IoT's default quotas, HdrHistogram latency measurement, reports (JSON, histogram log, one offline HTML
 * page), thresholds, and shards whose outputs merge into one report.
 */
package io.jitp.core.loadtest;
