package io.jitp.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.faults.FaultKind;
import io.jitp.emulator.faults.FaultPlan;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ThrottlingException;

/**
 * The core's SDK clients ({@link io.jitp.core.aws.AwsClients}, adaptive retries) against a stand-in injecting faults
 * on purpose: what AWS's SDK retries (throttling, 5xx, a dropped connection, a slow answer) is survived; what it does
 * not retry fails at once, and every final failure names the operation.
 */
class AwsFaultsTest {
    /** Every second matching request fails: the first attempt of a call passes, the next call's first fails. */
    private static final FaultPlan FAULTS = FaultPlan.parse(String.join(";",
            "fault=throttling,every=2,operation=GET /things",
            "fault=internal-failure,every=2,operation=GET /cacertificates",
            "fault=service-unavailable,every=2,operation=GET /policies",
            "fault=drop,every=2,operation=GET /registrationcode",
            "fault=delay,millis=300,every=1,operation=GET /endpoint",
            "fault=throttling,every=2,operation=ListStacks",
            "fault=invalid-request,every=1,operation=POST /things/*",
            "fault=throttling,every=1,operation=DELETE /things/*",
            "seed=1"));

    @TempDir
    static Path state;
    private static StandInFixture standIn;
    private static IotClient iot;

    @BeforeAll
    static void start() throws Exception {
        standIn = new StandInFixture(state, true, FAULTS);
        iot = standIn.clients.iot();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @Test
    void throttlingFiveHundredsDropsAndDelaysAreRetriedUntilTheCallsSucceed() {
        for (int call = 0; call < 2; call++) {
            assertEquals(0, iot.listThings().things().size());
            assertEquals(0, iot.listCACertificates().certificates().size());
            assertEquals(0, iot.listPolicies().policies().size());
            assertEquals(64, iot.getRegistrationCode().registrationCode().length());
            assertTrue(iot.describeEndpoint(r -> r.endpointType("iot:Data-ATS")).endpointAddress().length() > 0);
            assertEquals(0, standIn.clients.cloudFormation().listStacks().stackSummaries().size());
        }

        assertEquals(2, FAULTS.injected(FaultKind.THROTTLING), "REST and query throttling, once each");
        assertEquals(1, FAULTS.injected(FaultKind.INTERNAL_FAILURE));
        assertEquals(1, FAULTS.injected(FaultKind.SERVICE_UNAVAILABLE));
        assertEquals(1, FAULTS.injected(FaultKind.DROP));
        assertEquals(2, FAULTS.injected(FaultKind.DELAY));
    }

    @Test
    void aNonRetryableErrorFailsAtOnceNamingTheOperation() {
        long before = FAULTS.injected(FaultKind.INVALID_REQUEST);

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> iot.createThing(r -> r.thingName("never")));

        assertEquals(before + 1, FAULTS.injected(FaultKind.INVALID_REQUEST), "not retried");
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("CreateThing: Invalid request"),
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void throttlingThatNeverEndsFailsAfterTheSdksAttemptsNamingTheOperation() {
        // Throttling is checked before the thing is looked up: the same error on every attempt.
        AwsServiceException e = assertThrows(ThrottlingException.class,
                () -> iot.deleteThing(r -> r.thingName("busy")));

        assertTrue(e.awsErrorDetails().errorMessage().startsWith("DeleteThing: Rate exceeded"),
                e.awsErrorDetails().errorMessage());
        assertTrue(e.getMessage().startsWith("DeleteThing: Rate exceeded (Service: Iot, Status Code: 429"),
                e.getMessage());
        assertTrue(e.numAttempts() > 1, "retried before giving up: " + e.numAttempts() + " attempts");
        System.out.println("AwsFaultsTest: endless throttling gave up after " + e.numAttempts() + " attempts: "
                + e.getMessage());
    }
}
