package io.jitp.integration;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a {@link SoftHsmToken} parameter: one token for the whole run (SoftHSM2 reads its configuration once per
 * process), kept in the root store, which deletes it when the run ends. Skips the test when SoftHSM2 is absent.
 */
final class SharedSoftHsm implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SoftHsmToken.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SoftHsmToken.class, key -> create(), SoftHsmToken.class);
    }

    private static SoftHsmToken create() {
        try {
            return SoftHsmToken.create();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
