package io.jitp.emulator.cfn;

/**
 * One change of a change set, as DescribeChangeSet reports it.
 *
 * @param action      {@code Add}, {@code Modify} or {@code Remove}
 * @param logicalId   the resource
 * @param physicalId  its physical id when it exists, else {@code null}
 * @param type        its resource type
 * @param replacement {@code True}, {@code False}, or {@code null} for Add and Remove
 */
public record ResourceChange(String action, String logicalId, String physicalId, String type, String replacement) {
}
