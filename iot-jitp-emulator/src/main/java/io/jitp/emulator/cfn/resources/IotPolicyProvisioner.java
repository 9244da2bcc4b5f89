package io.jitp.emulator.cfn.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.Policy;
import io.jitp.emulator.iot.PolicyVersion;
import java.util.Map;

/**
 * {@code AWS::IoT::Policy}: a real policy in the IoT registry, enforced by the broker. A changed document becomes
 * a new default version (as in CloudFormation, without replacing the policy); {@code Ref} is the policy name.
 */
public final class IotPolicyProvisioner implements ResourceProvisioner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_VERSIONS = 5;

    private final IotRegistry registry;

    /** @param registry where policies live */
    public IotPolicyProvisioner(IotRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ProvisionedResource create(ResourceRequest request) {
        String name = request.nameOrGenerated("PolicyName", 128);
        Policy policy = registry.createPolicy(name, document(request));
        return provisioned(policy);
    }

    @Override
    public ProvisionedResource update(String physicalId, ResourceRequest request) {
        String name = request.string("PolicyName");
        if (name != null && !name.equals(physicalId) || registry.findPolicy(physicalId).isEmpty()) {
            delete(physicalId, request);
            return create(request);
        }
        Policy policy = registry.findPolicy(physicalId).orElseThrow();
        if (policy.versions().size() >= MAX_VERSIONS) {
            policy.versions().stream().filter(v -> !v.versionId().equals(policy.defaultVersionId())).findFirst()
                    .map(PolicyVersion::versionId).ifPresent(oldest -> registry.deletePolicyVersion(physicalId, oldest));
        }
        registry.createPolicyVersion(physicalId, document(request), true);
        return provisioned(registry.findPolicy(physicalId).orElseThrow());
    }

    @Override
    public void delete(String physicalId, ResourceRequest request) {
        registry.findPolicy(physicalId).ifPresent(policy -> {
            policy.versions().stream().filter(v -> !v.versionId().equals(policy.defaultVersionId()))
                    .forEach(v -> registry.deletePolicyVersion(physicalId, v.versionId()));
            registry.deletePolicy(physicalId);
        });
    }

    private static ProvisionedResource provisioned(Policy policy) {
        return new ProvisionedResource(policy.name(), Map.of("Arn", policy.arn(), "Id", policy.name()));
    }

    private static String document(ResourceRequest request) {
        Object document = request.properties().get("PolicyDocument");
        if (document == null) {
            throw new ResourceFailure("Property PolicyDocument of " + request.logicalId() + " is required");
        }
        if (document instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new ResourceFailure("PolicyDocument of " + request.logicalId() + " cannot be written as JSON", e);
        }
    }
}
