package io.jitp.core.smoke;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ListTargetsForPolicyResponse;
import software.amazon.awssdk.services.iot.model.Policy;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * Whether a certificate has at least one policy attached: ListAttachedPolicies for one certificate, which names its
 * policies; ListTargetsForPolicy for every target of such a policy (usually the template's one policy, shared by the
 * whole fleet), 250 a page (AWS's largest). A certificate found among a policy's targets has a policy.
 */
final class PolicyAttachments implements GroupedLookup.Source<String, Boolean> {
    /** The largest page ListTargetsForPolicy and ListAttachedPolicies return. */
    static final int PAGE_SIZE = 250;

    private final IotClient iot;

    PolicyAttachments(IotClient iot) {
        this.iot = iot;
    }

    @Override
    public GroupedLookup.Answer<Boolean> one(String certificateArn) {
        // At most 10 policies can be attached to a certificate: one page holds them all.
        Set<String> policies = iot.listAttachedPolicies(r -> r.target(certificateArn).pageSize(PAGE_SIZE))
                .policies().stream().map(Policy::policyName).collect(Collectors.toSet());
        return new GroupedLookup.Answer<>(Optional.of(!policies.isEmpty()), policies);
    }

    @Override
    public void list(String policyName, GroupedLookup.PageConsumer<String, Boolean> page) {
        try {
            for (ListTargetsForPolicyResponse response : iot.listTargetsForPolicyPaginator(r -> r
                    .policyName(policyName).pageSize(PAGE_SIZE))) {
                Map<String, Boolean> members = new LinkedHashMap<>();
                response.targets().forEach(target -> members.put(target, true));
                if (!page.accept(members)) {
                    return;
                }
            }
        } catch (ResourceNotFoundException e) {
            // The policy was deleted meanwhile: its targets are asked about one by one.
        }
    }
}
