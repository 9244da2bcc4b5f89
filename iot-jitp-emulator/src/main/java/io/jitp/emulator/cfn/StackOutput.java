package io.jitp.emulator.cfn;

/**
 * One output of a stack.
 *
 * @param key         output name
 * @param value       evaluated value
 * @param description its description, or {@code null}
 * @param exportName  its export name, or {@code null}
 */
public record StackOutput(String key, String value, String description, String exportName) {
}
