package io.jitp.emulator.jitp;

import java.util.Locale;
import java.util.Map;

/** What a JITP template does to a resource that already exists ({@code OverrideSettings}). */
enum OverrideSetting {
    DO_NOTHING, REPLACE, FAIL, MERGE;

    /**
     * @param settings the resource's evaluated {@code OverrideSettings}, possibly empty
     * @param property the property concerned ({@code AttributePayload}, {@code ThingTypeName}, {@code ThingGroups})
     * @return the setting, {@code DO_NOTHING} when none is given
     */
    static OverrideSetting of(Map<?, ?> settings, String property) {
        Object value = settings.get(property);
        if (value == null) {
            return DO_NOTHING;
        }
        OverrideSetting setting;
        try {
            setting = valueOf(String.valueOf(value).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProvisioningFailure("OverrideSettings." + property
                    + " must be DO_NOTHING, REPLACE, FAIL or MERGE, not " + value);
        }
        if (setting == MERGE && property.equals("ThingTypeName")) {
            throw new ProvisioningFailure(
                    "OverrideSettings.ThingTypeName cannot be MERGE (only AttributePayload and ThingGroups merge)");
        }
        return setting;
    }
}
