package io.jitp.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One stand-in for every test class of the run (it takes seconds to start): resolves a {@link DeviceStandIn}
 * parameter from the root store, which closes it — and so stops the stand-in — when the run ends. Test classes use
 * their own CAs and device names, so they do not see each other's devices.
 */
final class SharedStandIn implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DeviceStandIn.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(DeviceStandIn.class, key -> start(), DeviceStandIn.class);
    }

    private static DeviceStandIn start() {
        try {
            Path state = Files.createTempDirectory("iot-jitp-standin");
            return DeviceStandIn.start(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
