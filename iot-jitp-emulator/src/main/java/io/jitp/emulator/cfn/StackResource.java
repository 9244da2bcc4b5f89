package io.jitp.emulator.cfn;

import java.time.Instant;
import java.util.Map;

/**
 * A resource of a stack as it was provisioned.
 *
 * @param logicalId  its name in the template
 * @param type       its resource type
 * @param physicalId what {@code Ref} returns for it
 * @param attributes what {@code Fn::GetAtt} returns for it
 * @param properties its properties after evaluation, to detect changes
 * @param status     its last resource status
 * @param timestamp  when that status was reached
 */
public record StackResource(String logicalId, String type, String physicalId, Map<String, String> attributes,
                            Map<String, Object> properties, String status, Instant timestamp) {
}
