package io.jitp.emulator.policy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides IoT data-plane actions the way AWS IoT does: default deny, an explicit Deny beats any Allow.
 *
 * <p>{@code Condition} blocks are not evaluated: an Allow statement with a condition grants nothing and a Deny
 * statement with a condition always applies (fail closed); either case is logged once per document. A document
 * that cannot be parsed grants nothing.
 */
public final class PolicyEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyEvaluator.class);
    private static final int CACHE_LIMIT = 4096;
    private static final PolicyDocument UNPARSABLE = new PolicyDocument(List.of());

    private final Map<String, PolicyDocument> parsed = new ConcurrentHashMap<>();

    /**
     * @param action          IAM action, e.g. {@code iot:Publish}
     * @param resourceArn     the resource ARN, e.g. {@code arn:aws:iot:eu-west-1:123456789012:topic/a/b}
     * @param policyDocuments documents of every policy attached to the principal
     * @param context         the connection, for policy variables
     * @return {@code true} only when some statement allows the action and none denies it
     */
    public boolean isAllowed(String action, String resourceArn, List<String> policyDocuments, PolicyContext context) {
        boolean allowed = false;
        for (String json : policyDocuments) {
            for (PolicyStatement statement : document(json).statements()) {
                if (!statement.coversAction(action) || !statement.coversResource(resourceArn, context)) {
                    continue;
                }
                if (!statement.allow()) {
                    return false;
                }
                allowed |= !statement.hasCondition();
            }
        }
        return allowed;
    }

    private PolicyDocument document(String json) {
        PolicyDocument cached = parsed.get(json);
        if (cached != null) {
            return cached;
        }
        if (parsed.size() >= CACHE_LIMIT) {
            parsed.clear();
        }
        return parsed.computeIfAbsent(json, PolicyEvaluator::parseLogged);
    }

    private static PolicyDocument parseLogged(String json) {
        try {
            PolicyDocument document = PolicyDocument.parse(json);
            if (document.statements().stream().anyMatch(PolicyStatement::hasCondition)) {
                LOG.warn("Policy Condition blocks are not supported by the stand-in: Allow statements with a "
                        + "Condition grant nothing, Deny statements with a Condition always apply. Policy: {}", json);
            }
            return document;
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring a policy that cannot be evaluated ({}); it grants nothing. Policy: {}",
                    e.getMessage(), json);
            return UNPARSABLE;
        }
    }
}
