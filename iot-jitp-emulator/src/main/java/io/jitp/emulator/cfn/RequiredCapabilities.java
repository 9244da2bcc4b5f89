package io.jitp.emulator.cfn;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The capabilities a template needs: {@code CAPABILITY_IAM} for IAM resources, {@code CAPABILITY_NAMED_IAM} when
 * one of them has a custom name. Without them CloudFormation refuses with {@code InsufficientCapabilitiesException}.
 */
final class RequiredCapabilities {

    private static final Set<String> NAME_PROPERTIES = Set.of("RoleName", "UserName", "GroupName", "ManagedPolicyName",
            "InstanceProfileName");

    private final String capability;
    private final Set<String> resources = new TreeSet<>();

    private RequiredCapabilities(StackTemplate template) {
        boolean named = false;
        for (String logicalId : template.creationOrder()) {
            if (template.type(logicalId).startsWith("AWS::IAM::")) {
                resources.add(logicalId);
                named |= template.properties(logicalId) instanceof Map<?, ?> properties
                        && properties.keySet().stream().anyMatch(NAME_PROPERTIES::contains);
            }
        }
        capability = resources.isEmpty() ? null : named ? "CAPABILITY_NAMED_IAM" : "CAPABILITY_IAM";
    }

    static RequiredCapabilities of(StackTemplate template) {
        return new RequiredCapabilities(template);
    }

    /** @return the required capability, or none */
    List<String> capabilities() {
        return capability == null ? List.of() : List.of(capability);
    }

    /** @return ValidateTemplate's CapabilitiesReason, or {@code null} */
    String reason() {
        return capability == null ? null : "The following resource(s) require capabilities: " + resources;
    }

    /** @throws CloudFormationException InsufficientCapabilitiesException when {@code granted} lacks what is needed */
    void check(List<String> granted) {
        boolean sufficient = capability == null || granted.contains("CAPABILITY_NAMED_IAM")
                || capability.equals("CAPABILITY_IAM") && granted.contains("CAPABILITY_IAM");
        if (!sufficient) {
            throw new CloudFormationException("InsufficientCapabilitiesException", 400,
                    "Requires capabilities : [" + capability + "]");
        }
    }
}
