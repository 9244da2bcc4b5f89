package io.jitp.emulator.iot;

import java.util.List;
import java.util.Map;

/**
 * Everything the registry persists: the snapshot document ({@value IotRegistry#STATE_FILE}) that the journal
 * ({@value IotRegistry#JOURNAL_FILE}) is replayed on.
 *
 * @param caCertificates CAs by id, in registration order
 * @param certificates device certificates by id, in registration order
 * @param things things by name
 * @param thingPrincipals principal ARNs attached to each thing
 * @param policies policies by name
 * @param policyTargets target ARNs each policy is attached to
 * @param topicRules topic rules by name
 */
record RegistryState(Map<String, CaCertificate> caCertificates, Map<String, Certificate> certificates,
        Map<String, Thing> things, Map<String, List<String>> thingPrincipals, Map<String, Policy> policies,
        Map<String, List<String>> policyTargets, Map<String, TopicRule> topicRules) {
}
