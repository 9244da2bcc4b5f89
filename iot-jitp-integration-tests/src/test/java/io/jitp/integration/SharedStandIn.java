package io.jitp.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One stand-in for every test class of the run (it takes seconds to start): resolves a {@link StandInFixture}
 * parameter from the root store, which closes it — and so stops the stand-in — when the run ends. Test classes use
 * their own CAs and device names, so they do not see each other's devices.
 */
final class SharedStandIn implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StandInFixture.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(StandInFixture.class, key -> start(), StandInFixture.class);
    }

    private static StandInFixture start() {
        try {
            Path state = Files.createTempDirectory("iot-jitp-standin");
            return StandInFixture.start(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
