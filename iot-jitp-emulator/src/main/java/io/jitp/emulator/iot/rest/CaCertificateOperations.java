package io.jitp.emulator.iot.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jitp.emulator.iot.AutoRegistrationStatus;
import io.jitp.emulator.iot.CaCertificate;
import io.jitp.emulator.iot.CaCertificateStatus;
import io.jitp.emulator.iot.CertificateMode;
import io.jitp.emulator.iot.IotException;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.RegistrationConfig;
import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CA registration: GetRegistrationCode, Register/Update/Describe/List/DeleteCACertificate. */
final class CaCertificateOperations {
    private final IotRegistry registry;

    CaCertificateOperations(IotRegistry registry) {
        this.registry = registry;
    }

    void addTo(Routes routes) {
        routes.add("GET", "/registrationcode", this::getRegistrationCode)
                .add("POST", "/cacertificate", this::register)
                .add("PUT", "/cacertificate/{caCertificateId}", this::update)
                .add("GET", "/cacertificate/{caCertificateId}", this::describe)
                .add("DELETE", "/cacertificate/{caCertificateId}", this::delete)
                .add("GET", "/cacertificates", this::list);
    }

    private JsonNode getRegistrationCode(RestCall call) {
        return Json.object().put("registrationCode", registry.registrationCode());
    }

    private JsonNode register(RestCall call) {
        CaCertificate ca = registry.registerCaCertificate(call.requiredText("caCertificate"),
                call.text("verificationCertificate"), call.bodyEnum("certificateMode", CertificateMode.class),
                call.queryFlag("setAsActive"), call.queryFlag("allowAutoRegistration"),
                registrationConfig(call.body().get("registrationConfig")), tags(call.body().get("tags")));
        return Json.object().put("certificateArn", ca.arn()).put("certificateId", ca.id());
    }

    private JsonNode update(RestCall call) {
        registry.updateCaCertificate(call.path("caCertificateId"),
                call.queryEnum("newStatus", CaCertificateStatus.class),
                call.queryEnum("newAutoRegistrationStatus", AutoRegistrationStatus.class),
                registrationConfig(call.body().get("registrationConfig")), call.flag("removeAutoRegistration"));
        return null;
    }

    private JsonNode describe(RestCall call) {
        String id = call.path("caCertificateId");
        CaCertificate ca = registry.findCaCertificate(id)
                .orElseThrow(() -> IotException.notFound("CA certificate " + id + " does not exist"));
        X509Certificate x509 = ca.x509();
        ObjectNode description = Json.object()
                .put("certificateArn", ca.arn())
                .put("certificateId", ca.id())
                .put("status", ca.status().name())
                .put("certificatePem", ca.pem())
                .put("ownedBy", registry.accountId())
                .put("autoRegistrationStatus", ca.autoRegistrationStatus().name())
                .put("customerVersion", ca.customerVersion())
                .put("generationId", ca.generationId())
                .put("certificateMode", ca.certificateMode().name());
        description.set("creationDate", Json.time(ca.creationDate()));
        description.set("lastModifiedDate", Json.time(ca.lastModifiedDate()));
        description.set("validity", CertificateOperations.validity(x509));
        ObjectNode reply = Json.object();
        reply.set("certificateDescription", description);
        RegistrationConfig config = ca.registrationConfig();
        if (config != null) {
            ObjectNode node = Json.object();
            Json.put(node, "templateBody", config.templateBody());
            Json.put(node, "roleArn", config.roleArn());
            Json.put(node, "templateName", config.templateName());
            reply.set("registrationConfig", node);
        }
        return reply;
    }

    private JsonNode delete(RestCall call) {
        registry.deleteCaCertificate(call.path("caCertificateId"));
        return null;
    }

    private JsonNode list(RestCall call) {
        String templateName = call.query("templateName");
        Comparator<CaCertificate> order = Comparator.comparing(CaCertificate::creationDate);
        List<CaCertificate> cas = registry.caCertificates().stream()
                .filter(ca -> templateName == null || (ca.registrationConfig() != null
                        && templateName.equals(ca.registrationConfig().templateName())))
                .sorted(call.queryFlag("isAscendingOrder") ? order : order.reversed())
                .toList();
        Pages.Page<CaCertificate> page = Pages.of(cas, call.queryInt("pageSize", 1, 250), call.query("marker"), 250);
        ArrayNode certificates = Json.array();
        for (CaCertificate ca : page.items()) {
            ObjectNode item = certificates.addObject().put("certificateArn", ca.arn()).put("certificateId", ca.id())
                    .put("status", ca.status().name());
            item.set("creationDate", Json.time(ca.creationDate()));
        }
        ObjectNode reply = Json.object();
        reply.set("certificates", certificates);
        return Json.put(reply, "nextMarker", page.next());
    }

    private static RegistrationConfig registrationConfig(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new RegistrationConfig(textOrNull(node, "templateBody"), textOrNull(node, "roleArn"),
                textOrNull(node, "templateName"));
    }

    static Map<String, String> tags(JsonNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (node != null && node.isArray()) {
            node.forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText("")));
        }
        return tags;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
