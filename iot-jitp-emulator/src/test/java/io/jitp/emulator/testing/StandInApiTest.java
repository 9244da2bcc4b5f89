package io.jitp.emulator.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;

/** Base of the API test classes: one stand-in per class on free ports, and an IoT client signing for it. */
public abstract class StandInApiTest {
    @TempDir
    protected static Path stateDir;

    protected static StandIn standIn;
    protected static IotClient iot;

    @BeforeAll
    static void startStandIn() throws Exception {
        standIn = StandIn.start(stateDir);
        iot = standIn.iot();
    }

    @AfterAll
    static void stopStandIn() {
        iot.close();
        standIn.close();
    }
}
