package io.jitp.emulator.iot.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jitp.emulator.iot.IotException;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.Policy;
import io.jitp.emulator.iot.PolicyVersion;
import java.util.Comparator;
import java.util.List;

/**
 * Policies, their versions and attachments: Create/Get/Delete/ListPolicies, policy versions, Attach/DetachPolicy,
 * ListAttachedPolicies, ListTargetsForPolicy and the older principal-policy calls.
 */
final class PolicyOperations {
    /** The header the older principal-policy calls carry the principal in. */
    static final String IOT_PRINCIPAL_HEADER = "x-amzn-iot-principal";

    private final IotRegistry registry;

    PolicyOperations(IotRegistry registry) {
        this.registry = registry;
    }

    void addTo(Routes routes) {
        routes.add("POST", "/policies/{policyName}", this::create)
                .add("GET", "/policies/{policyName}", this::get)
                .add("DELETE", "/policies/{policyName}", this::delete)
                .add("GET", "/policies", this::list)
                .add("POST", "/policies/{policyName}/version", this::createVersion)
                .add("GET", "/policies/{policyName}/version", this::listVersions)
                .add("GET", "/policies/{policyName}/version/{policyVersionId}", this::getVersion)
                .add("DELETE", "/policies/{policyName}/version/{policyVersionId}", this::deleteVersion)
                .add("PATCH", "/policies/{policyName}/version/{policyVersionId}", this::setDefaultVersion)
                .add("PUT", "/target-policies/{policyName}", this::attach)
                .add("POST", "/target-policies/{policyName}", this::detach)
                .add("POST", "/attached-policies/{target}", this::listAttached)
                .add("POST", "/policy-targets/{policyName}", this::listTargets)
                .add("PUT", "/principal-policies/{policyName}", this::attachPrincipalPolicy)
                .add("DELETE", "/principal-policies/{policyName}", this::detachPrincipalPolicy)
                .add("GET", "/principal-policies", this::listPrincipalPolicies);
    }

    private JsonNode create(RestCall call) {
        Policy policy = registry.createPolicy(call.path("policyName"), call.requiredText("policyDocument"));
        return Json.object().put("policyName", policy.name()).put("policyArn", policy.arn())
                .put("policyDocument", policy.document()).put("policyVersionId", policy.defaultVersionId());
    }

    private JsonNode get(RestCall call) {
        Policy policy = find(call.path("policyName"));
        ObjectNode reply = Json.object().put("policyName", policy.name()).put("policyArn", policy.arn())
                .put("policyDocument", policy.document()).put("defaultVersionId", policy.defaultVersionId());
        reply.set("creationDate", Json.time(policy.creationDate()));
        reply.set("lastModifiedDate", Json.time(policy.lastModifiedDate()));
        return reply.put("generationId", generationId(policy));
    }

    private JsonNode delete(RestCall call) {
        registry.deletePolicy(call.path("policyName"));
        return null;
    }

    private JsonNode list(RestCall call) {
        Comparator<Policy> order = Comparator.comparing(Policy::name);
        List<Policy> policies = registry.policies().stream()
                .sorted(call.query("isAscendingOrder") == null || call.queryFlag("isAscendingOrder") ? order
                        : order.reversed())
                .toList();
        return policyPage(call, policies);
    }

    private JsonNode createVersion(RestCall call) {
        String name = call.path("policyName");
        PolicyVersion version = registry.createPolicyVersion(name, call.requiredText("policyDocument"),
                call.queryFlag("setAsDefault"));
        Policy policy = find(name);
        return Json.object().put("policyArn", policy.arn()).put("policyDocument", version.document())
                .put("policyVersionId", version.versionId())
                .put("isDefaultVersion", version.versionId().equals(policy.defaultVersionId()));
    }

    private JsonNode listVersions(RestCall call) {
        Policy policy = find(call.path("policyName"));
        ArrayNode versions = Json.array();
        List<PolicyVersion> newestFirst = new java.util.ArrayList<>(policy.versions());
        java.util.Collections.reverse(newestFirst);
        for (PolicyVersion version : newestFirst) {
            ObjectNode item = versions.addObject().put("versionId", version.versionId())
                    .put("isDefaultVersion", version.versionId().equals(policy.defaultVersionId()));
            item.set("createDate", Json.time(version.createDate()));
        }
        ObjectNode reply = Json.object();
        reply.set("policyVersions", versions);
        return reply;
    }

    private JsonNode getVersion(RestCall call) {
        Policy policy = find(call.path("policyName"));
        String versionId = call.path("policyVersionId");
        PolicyVersion version = policy.version(versionId).orElseThrow(() -> IotException.notFound(
                "Version " + versionId + " of policy " + policy.name() + " does not exist"));
        ObjectNode reply = Json.object().put("policyArn", policy.arn()).put("policyName", policy.name())
                .put("policyDocument", version.document()).put("policyVersionId", version.versionId())
                .put("isDefaultVersion", version.versionId().equals(policy.defaultVersionId()));
        reply.set("creationDate", Json.time(version.createDate()));
        reply.set("lastModifiedDate", Json.time(version.createDate()));
        return reply.put("generationId", generationId(policy));
    }

    private JsonNode deleteVersion(RestCall call) {
        registry.deletePolicyVersion(call.path("policyName"), call.path("policyVersionId"));
        return null;
    }

    private JsonNode setDefaultVersion(RestCall call) {
        registry.setDefaultPolicyVersion(call.path("policyName"), call.path("policyVersionId"));
        return null;
    }

    private JsonNode attach(RestCall call) {
        registry.attachPolicy(call.path("policyName"), call.requiredText("target"));
        return null;
    }

    private JsonNode detach(RestCall call) {
        registry.detachPolicy(call.path("policyName"), call.requiredText("target"));
        return null;
    }

    private JsonNode listAttached(RestCall call) {
        return policyPage(call, registry.attachedPolicies(call.path("target")));
    }

    private JsonNode listTargets(RestCall call) {
        Pages.Page<String> page = Pages.of(registry.policyTargets(call.path("policyName")),
                call.queryInt("pageSize", 1, 250), call.query("marker"), 250);
        ArrayNode targets = Json.array();
        page.items().forEach(targets::add);
        ObjectNode reply = Json.object();
        reply.set("targets", targets);
        return Json.put(reply, "nextMarker", page.next());
    }

    private JsonNode attachPrincipalPolicy(RestCall call) {
        registry.attachPolicy(call.path("policyName"), call.requiredHeader(IOT_PRINCIPAL_HEADER, "principal"));
        return null;
    }

    private JsonNode detachPrincipalPolicy(RestCall call) {
        registry.detachPolicy(call.path("policyName"), call.requiredHeader(IOT_PRINCIPAL_HEADER, "principal"));
        return null;
    }

    private JsonNode listPrincipalPolicies(RestCall call) {
        return policyPage(call, registry.attachedPolicies(call.requiredHeader(IOT_PRINCIPAL_HEADER, "principal")));
    }

    private static JsonNode policyPage(RestCall call, List<Policy> all) {
        Pages.Page<Policy> page = Pages.of(all, call.queryInt("pageSize", 1, 250), call.query("marker"), 250);
        ArrayNode policies = Json.array();
        page.items().forEach(p -> policies.addObject().put("policyName", p.name()).put("policyArn", p.arn()));
        ObjectNode reply = Json.object();
        reply.set("policies", policies);
        return Json.put(reply, "nextMarker", page.next());
    }

    private Policy find(String name) {
        return registry.findPolicy(name).orElseThrow(() -> IotException.notFound("Policy " + name
                + " does not exist"));
    }

    /** Changes whenever the policy does, as AWS's generation id does. */
    private static String generationId(Policy policy) {
        return Integer.toHexString(java.util.Objects.hash(policy.defaultVersionId(), policy.lastModifiedDate(),
                policy.versions().size()));
    }
}
