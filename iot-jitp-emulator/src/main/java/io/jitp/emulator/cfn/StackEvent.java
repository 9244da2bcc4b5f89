package io.jitp.emulator.cfn;

import java.time.Instant;

/**
 * One stack event as DescribeStackEvents returns it.
 *
 * @param eventId            unique id
 * @param logicalResourceId  the resource, or the stack name for stack events
 * @param physicalResourceId the physical id, or the stack id for stack events; may be empty
 * @param resourceType       resource type, {@code AWS::CloudFormation::Stack} for stack events
 * @param timestamp          when it happened
 * @param resourceStatus     {@code CREATE_IN_PROGRESS}, {@code CREATE_FAILED}, …
 * @param reason             the status reason, or {@code null}
 */
public record StackEvent(String eventId, String logicalResourceId, String physicalResourceId, String resourceType,
                         Instant timestamp, String resourceStatus, String reason) {
}
