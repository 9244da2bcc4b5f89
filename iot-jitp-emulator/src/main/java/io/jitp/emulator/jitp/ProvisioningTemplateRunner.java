package io.jitp.emulator.jitp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jitp.core.pki.CertificateIds;
import io.jitp.emulator.iot.Certificate;
import io.jitp.emulator.iot.CertificateStatus;
import io.jitp.emulator.iot.IotException;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.template.IntrinsicContext;
import io.jitp.emulator.template.Intrinsics;
import io.jitp.emulator.template.TemplateException;
import io.jitp.emulator.template.TemplateReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a CA's JITP provisioning template for a device certificate, as AWS IoT does on the device's first CONNECT:
 * parameters from the certificate subject, then the {@code AWS::IoT::Thing}, {@code AWS::IoT::Policy} and
 * {@code AWS::IoT::Certificate} resources. Every resource is checked before anything is changed, so a template that
 * fails (a parameter missing from the subject, a policy that does not exist, a malformed template) changes nothing
 * and the certificate stays PENDING_ACTIVATION, with the reason in the outcome.
 */
public final class ProvisioningTemplateRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The template last read, by its text. A CA's devices share its one template, so a fleet's first connections
     * parse it once rather than once each; a changed registration config is another text and is read afresh. The
     * tree is frozen, so no run can change what the next one reads.
     */
    private volatile ReadTemplate last;

    private record ReadTemplate(String body, Map<String, Object> tree) {
    }

    /**
     * @param templateBody  the CA's registration config template (JSON)
     * @param deviceCert    the device certificate
     * @param certificateId its id (lowercase hex SHA-256 of its DER)
     * @param registry      where the certificate is registered and resources go
     * @return success, or the exact reason of failure
     */
    public ProvisioningOutcome run(String templateBody, X509Certificate deviceCert, String certificateId,
                                   IotRegistry registry) {
        try {
            Map<String, Object> template = template(templateBody);
            Map<String, String> parameters = parameters(template, new CertificateParameters(deviceCert, certificateId));
            Intrinsics intrinsics = new Intrinsics(context(template, parameters));
            Certificate certificate = registry.findCertificate(certificateId).orElseThrow(() ->
                    new ProvisioningFailure("Certificate " + certificateId + " is not registered"));
            Plan plan = plan(template, intrinsics, certificateId, registry);
            return apply(plan, certificate, registry);
        } catch (ProvisioningFailure | IotException e) {
            return ProvisioningOutcome.failure(e.getMessage());
        } catch (TemplateException e) {
            return ProvisioningOutcome.failure("Invalid provisioning template: " + e.getMessage());
        }
    }

    /** Convenience for callers holding only the certificate: its id is computed. */
    public ProvisioningOutcome run(String templateBody, X509Certificate deviceCert, IotRegistry registry) {
        return run(templateBody, deviceCert, CertificateIds.of(deviceCert), registry);
    }

    private Map<String, Object> template(String body) {
        ReadTemplate read = last;
        if (read == null || !read.body().equals(body)) {
            read = new ReadTemplate(body, frozen(TemplateReader.read(body)));
            last = read;
        }
        return read.tree();
    }

    @SuppressWarnings("unchecked")
    private static <T> T frozen(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, frozen(v)));
            return (T) Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(frozen(v)));
            return (T) Collections.unmodifiableList(copy);
        }
        return value;
    }

    private static Map<String, String> parameters(Map<String, Object> template, CertificateParameters certificate) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> declared : section(template, "Parameters").entrySet()) {
            String name = declared.getKey();
            if (!CertificateParameters.isSupported(name)) {
                throw new ProvisioningFailure("Parameter " + name + " is not allowed in a provisioning template; only "
                        + CertificateParameters.supportedNames() + " are");
            }
            Object defaultValue = declared.getValue() instanceof Map<?, ?> declaration ? declaration.get("Default") : null;
            String value = certificate.value(name).orElse(defaultValue == null ? null : String.valueOf(defaultValue));
            if (value == null) {
                throw new ProvisioningFailure("Parameter " + name + " is declared by the template but the certificate "
                        + "subject has no " + CertificateParameters.subjectAttributeName(name)
                        + " attribute and the parameter has no Default");
            }
            values.put(name, value);
        }
        return values;
    }

    private static IntrinsicContext context(Map<String, Object> template, Map<String, String> parameters) {
        return new IntrinsicContext() {
            @Override
            public Object ref(String name) {
                String value = parameters.get(name);
                if (value == null) {
                    throw new TemplateException("Ref to " + name + ", which is not a declared parameter");
                }
                return value;
            }

            @Override
            public Object getAtt(String logicalId, String attribute) {
                throw new TemplateException("Fn::GetAtt (" + logicalId + "." + attribute
                        + ") is not available in provisioning templates");
            }

            @Override
            public Map<String, Object> mappings() {
                return section(template, "Mappings");
            }
        };
    }

    /** The template's resources, evaluated and checked against the registry, ready to apply. */
    private record Plan(ThingProvisioning thing, List<String> policies, Map<String, String> newPolicies,
                        CertificateStatus status, List<String> notes) {
    }

    private static Plan plan(Map<String, Object> template, Intrinsics intrinsics, String certificateId,
                             IotRegistry registry) {
        ThingProvisioning thing = null;
        List<String> policies = new ArrayList<>();
        Map<String, String> newPolicies = new LinkedHashMap<>();
        CertificateStatus status = null;
        List<String> notes = new ArrayList<>();
        Map<String, Object> resources = section(template, "Resources");
        if (resources.isEmpty()) {
            throw new ProvisioningFailure("The provisioning template has no Resources");
        }
        for (Map.Entry<String, Object> entry : resources.entrySet()) {
            String logicalId = entry.getKey();
            if (!(entry.getValue() instanceof Map<?, ?> resource) || !(resource.get("Type") instanceof String type)) {
                throw new ProvisioningFailure("Resource " + logicalId + " has no Type");
            }
            Map<?, ?> properties = asMap(intrinsics.evaluate(resource.get("Properties")), logicalId + " Properties");
            Map<?, ?> overrides = asMap(intrinsics.evaluate(resource.get("OverrideSettings")),
                    logicalId + " OverrideSettings");
            switch (type) {
                case "AWS::IoT::Thing" -> {
                    if (thing != null) {
                        throw new ProvisioningFailure("A provisioning template provisions one thing; " + logicalId
                                + " is a second");
                    }
                    thing = ThingProvisioning.plan(logicalId, properties, overrides, registry, notes);
                }
                case "AWS::IoT::Policy" -> policy(logicalId, properties, registry, policies, newPolicies);
                case "AWS::IoT::Certificate" -> status = certificateStatus(logicalId, properties, certificateId);
                default -> throw new ProvisioningFailure("Resource " + logicalId + " has type " + type
                        + ", which provisioning templates do not support"
                        + " (AWS::IoT::Thing, AWS::IoT::Certificate, AWS::IoT::Policy)");
            }
        }
        return new Plan(thing, policies, newPolicies, status, notes);
    }

    private static void policy(String logicalId, Map<?, ?> properties, IotRegistry registry, List<String> policies,
                               Map<String, String> newPolicies) {
        String name = string(properties.get("PolicyName"));
        Object document = properties.get("PolicyDocument");
        if ((name == null) == (document == null)) {
            throw new ProvisioningFailure("Resource " + logicalId
                    + " (AWS::IoT::Policy) needs exactly one of PolicyName and PolicyDocument");
        }
        if (name != null) {
            if (registry.findPolicy(name).isEmpty()) {
                throw new ProvisioningFailure("Policy " + name + " named by resource " + logicalId + " does not exist");
            }
            policies.add(name);
            return;
        }
        String text = document instanceof String s ? s : json(document);
        // AWS names a policy created from an inline document after the document's hash.
        String generated = sha256Hex(text);
        if (registry.findPolicy(generated).isEmpty()) {
            newPolicies.put(generated, text);
        }
        policies.add(generated);
    }

    private static CertificateStatus certificateStatus(String logicalId, Map<?, ?> properties, String certificateId) {
        String id = string(properties.get("CertificateId"));
        if (id != null && !id.equals(certificateId)) {
            throw new ProvisioningFailure("Resource " + logicalId + " names certificate " + id
                    + ", not the certificate being provisioned (" + certificateId + ")");
        }
        String status = string(properties.get("Status"));
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "ACTIVE" -> CertificateStatus.ACTIVE;
            case "INACTIVE" -> CertificateStatus.INACTIVE;
            case "REVOKED" -> CertificateStatus.REVOKED;
            default -> throw new ProvisioningFailure("Resource " + logicalId + " has certificate Status " + status
                    + "; a provisioning template can set ACTIVE, INACTIVE or REVOKED");
        };
    }

    private static ProvisioningOutcome apply(Plan plan, Certificate certificate, IotRegistry registry) {
        plan.newPolicies().forEach((name, document) -> createSharedPolicy(registry, name, document));
        String thingName = null;
        if (plan.thing() != null) {
            thingName = plan.thing().apply(registry);
            registry.attachThingPrincipal(thingName, certificate.arn());
        }
        for (String policy : plan.policies()) {
            registry.attachPolicy(policy, certificate.arn());
        }
        if (plan.status() != null) {
            registry.updateCertificateStatus(certificate.id(), plan.status());
        }
        return new ProvisioningOutcome(true, null, thingName, List.copyOf(plan.policies()), List.copyOf(plan.notes()));
    }

    /**
     * Devices provisioned at the same moment with the same inline document share its hash-named policy: the one that
     * loses the race to create it uses the winner's.
     */
    private static void createSharedPolicy(IotRegistry registry, String name, String document) {
        try {
            registry.createPolicy(name, document);
        } catch (IotException e) {
            if (!"ResourceAlreadyExistsException".equals(e.errorCode())) {
                throw e;
            }
        }
    }

    /** @return a top-level section of the template as a map, empty when absent */
    static Map<String, Object> section(Map<String, Object> template, String name) {
        Object value = template.get(name);
        Map<String, Object> result = new LinkedHashMap<>();
        asMap(value, name).forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    /** @return the value as a map, empty when null; anything else fails provisioning, naming {@code what} */
    static Map<?, ?> asMap(Object value, String what) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new ProvisioningFailure(what + " must be an object");
    }

    /** @return the value as text, or {@code null} */
    static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ProvisioningFailure("PolicyDocument cannot be written as JSON: " + e.getOriginalMessage());
        }
    }
}
