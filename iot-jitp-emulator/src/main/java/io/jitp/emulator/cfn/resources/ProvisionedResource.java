package io.jitp.emulator.cfn.resources;

import java.util.Map;

/**
 * The outcome of creating or updating a resource.
 *
 * @param physicalId what {@code Ref} returns
 * @param attributes what {@code Fn::GetAtt} returns, by attribute name
 * @param note       a status reason worth showing on the completion event (such as "Lambda code is not run"),
 *                   or {@code null}
 */
public record ProvisionedResource(String physicalId, Map<String, String> attributes, String note) {

    /** A resource with attributes and nothing to note. */
    public ProvisionedResource(String physicalId, Map<String, String> attributes) {
        this(physicalId, attributes, null);
    }
}
