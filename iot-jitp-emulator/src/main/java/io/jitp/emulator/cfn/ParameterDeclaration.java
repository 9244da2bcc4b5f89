package io.jitp.emulator.cfn;

import java.util.List;

/**
 * A parameter as declared in a template's {@code Parameters} section.
 *
 * @param key           parameter name
 * @param type          {@code String}, {@code Number}, {@code CommaDelimitedList}, {@code List<…>}, …
 * @param defaultValue  its default, or {@code null}
 * @param description   its description, or {@code null}
 * @param noEcho        whether its value is masked in descriptions
 * @param allowedValues allowed values, empty when any
 */
public record ParameterDeclaration(String key, String type, String defaultValue, String description, boolean noEcho,
                                   List<String> allowedValues) {

    /** @return whether {@code Ref} yields a list for this parameter */
    public boolean isList() {
        return "CommaDelimitedList".equals(type) || type.startsWith("List<");
    }
}
