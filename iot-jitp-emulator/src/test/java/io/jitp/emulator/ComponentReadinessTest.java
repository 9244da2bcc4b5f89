package io.jitp.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.testing.StandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A component that finishes starting in the background is awaited before the stand-in reports itself ready; work
 * deferred past readiness starts only once {@code endpoints.json} exists.
 */
class ComponentReadinessTest {

    @TempDir
    Path state;

    /** Records whether endpoints.json existed when it was awaited, and whether it was closed. */
    private final class Background implements EmulatorComponent {
        private final IOException failure;
        boolean readinessFileExistedWhenAwaited = true;
        boolean readinessFileExistedAfterReady;
        boolean closed;

        Background(IOException failure) {
            this.failure = failure;
        }

        @Override
        public void start(EmulatorContext context) {
        }

        @Override
        public void awaitReady() throws IOException {
            readinessFileExistedWhenAwaited = Files.exists(state.resolve(EmulatorEndpoints.FILE_NAME));
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void afterReady() {
            readinessFileExistedAfterReady = Files.exists(state.resolve(EmulatorEndpoints.FILE_NAME));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void endpointsJsonIsWrittenOnlyAfterEveryComponentIsReady() throws Exception {
        Background component = new Background(null);
        try (EmulatorServer server = new EmulatorServer(StandIn.config(state), List.of(component))) {
            server.start();
            assertFalse(component.readinessFileExistedWhenAwaited);
            assertTrue(component.readinessFileExistedAfterReady);
            assertTrue(Files.exists(state.resolve(EmulatorEndpoints.FILE_NAME)));
        }
        assertTrue(component.closed);
    }

    @Test
    void aComponentThatFailsToBecomeReadyFailsTheStartAndIsClosed() {
        Background component = new Background(new IOException("ElasticMQ could not bind"));
        try (EmulatorServer server = new EmulatorServer(StandIn.config(state), List.of(component))) {
            IOException failure = assertThrows(IOException.class, server::start);
            assertEquals("ElasticMQ could not bind", failure.getMessage());
        }
        assertTrue(component.closed);
        assertFalse(Files.exists(state.resolve(EmulatorEndpoints.FILE_NAME)));
    }
}
