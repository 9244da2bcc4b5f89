package io.jitp.emulator.jitp;

import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.Thing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code AWS::IoT::Thing} of a provisioning template: created when new; when it exists, its attributes and type
 * are left, replaced or merged per {@code OverrideSettings}, and {@code FAIL} stops provisioning before any change.
 *
 * @param name       the thing name
 * @param type       its thing type, or {@code null}
 * @param attributes its attributes from {@code AttributePayload}
 * @param overrides  the resource's {@code OverrideSettings}
 * @param existing   the thing as it exists, or {@code null}
 */
record ThingProvisioning(String name, String type, Map<String, String> attributes, Map<?, ?> overrides, Thing existing) {

    /** Checks the resource against the registry; @throws ProvisioningFailure when it cannot be provisioned */
    static ThingProvisioning plan(String logicalId, Map<?, ?> properties, Map<?, ?> overrides, IotRegistry registry,
                                  List<String> notes) {
        String name = ProvisioningTemplateRunner.string(properties.get("ThingName"));
        if (name == null || name.isEmpty()) {
            throw new ProvisioningFailure("Resource " + logicalId + " (AWS::IoT::Thing) needs a ThingName");
        }
        Object payload = properties.get("AttributePayload");
        Map<?, ?> attributes = ProvisioningTemplateRunner.asMap(payload instanceof Map<?, ?> map && map.size() == 1
                && map.get("Attributes") instanceof Map<?, ?> nested ? nested : payload, logicalId + " AttributePayload");
        Map<String, String> attributeValues = new LinkedHashMap<>();
        attributes.forEach((key, value) -> attributeValues.put(String.valueOf(key), String.valueOf(value)));
        Thing existing = registry.findThing(name).orElse(null);
        if (existing != null) {
            for (String property : List.of("AttributePayload", "ThingTypeName", "ThingGroups")) {
                if (OverrideSetting.of(overrides, property) == OverrideSetting.FAIL) {
                    throw new ProvisioningFailure("Thing " + name + " already exists and OverrideSettings."
                            + property + " is FAIL");
                }
            }
        }
        if (properties.get("ThingGroups") instanceof List<?> groups && !groups.isEmpty()) {
            notes.add("ThingGroups " + groups + " of " + name + " ignored: the stand-in has no thing groups");
        }
        return new ThingProvisioning(name, ProvisioningTemplateRunner.string(properties.get("ThingTypeName")),
                attributeValues, overrides, existing);
    }

    /** Creates or updates the thing; @return its name */
    String apply(IotRegistry registry) {
        if (existing == null) {
            return registry.createThing(name, type, attributes).name();
        }
        OverrideSetting attributeSetting = OverrideSetting.of(overrides, "AttributePayload");
        boolean changeAttributes = attributeSetting == OverrideSetting.REPLACE || attributeSetting == OverrideSetting.MERGE;
        boolean changeType = OverrideSetting.of(overrides, "ThingTypeName") == OverrideSetting.REPLACE && type != null;
        if (changeAttributes || changeType) {
            registry.updateThing(name, changeType ? type : null, false, changeAttributes ? attributes : null,
                    attributeSetting == OverrideSetting.MERGE, null);
        }
        return name;
    }
}
