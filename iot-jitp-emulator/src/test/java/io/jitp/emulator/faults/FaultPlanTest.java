package io.jitp.emulator.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultPlanTest {
    @Test
    void everyNthFiresOnTheNthMatchingRequestOnly() {
        FaultPlan plan = FaultPlan.parse("fault=throttling,every=3,operation=POST /things/*");

        List<Boolean> fired = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            fired.add(plan.forHttp("GET /things").isPresent());
            fired.add(plan.forHttp("POST /things/t" + i).isPresent());
        }

        assertEquals(List.of(false, false, false, false, false, true, false, false, false, false, false, true,
                false, false), fired);
        assertEquals(2, plan.injected(FaultKind.THROTTLING));
    }

    @Test
    void theSameSeedInjectsIntoTheSameRequests() {
        String spec = "fault=internal-failure,probability=0.3;fault=delay,millis=5,probability=0.2;seed=42";
        assertEquals(sequence(FaultPlan.parse(spec)), sequence(FaultPlan.parse(spec)));
        List<Optional<FaultKind>> other = sequence(FaultPlan.parse(spec.replace("seed=42", "seed=43")));
        assertFalse(other.equals(sequence(FaultPlan.parse(spec))), "another seed, other requests");
        long failures = sequence(FaultPlan.parse(spec)).stream()
                .filter(k -> k.equals(Optional.of(FaultKind.INTERNAL_FAILURE))).count();
        assertTrue(failures > 40 && failures < 80, "about 30 % of 200: " + failures);
    }

    @Test
    void mqttRulesApplyToConnectionsAndHttpRulesToRequests() {
        FaultPlan plan = FaultPlan.parse("fault=mqtt-drop,every=1,operation=CONNECT pub*");

        assertTrue(plan.hasMqttFaults());
        assertTrue(plan.forMqttConnection("pub-1").isPresent());
        assertFalse(plan.forMqttConnection("sub-1").isPresent());
        assertFalse(plan.forHttp("CONNECT pub-1").isPresent());
    }

    @Test
    void readsAFileWithCommentsAndOneRulePerLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("faults.txt"), """
                # throttle every other CreateStack
                fault=throttling,every=2,operation=CreateStack
                fault=drop,every=1,operation=DELETE /things/*
                seed=3
                """);
        FaultPlan plan = FaultPlan.parse(file.toString());

        assertFalse(plan.forHttp("CreateStack").isPresent());
        assertEquals(FaultKind.THROTTLING, plan.forHttp("CreateStack").orElseThrow().kind());
        assertEquals(FaultKind.DROP, plan.forHttp("DELETE /things/x").orElseThrow().kind());
        assertEquals("faults [throttling every 2 on CreateStack; drop every 1 on DELETE /things/*; seed 3]",
                plan.toString());
    }

    @Test
    void badSpecsAreRefusedNamingTheRule() {
        assertMessage("unknown fault 'slow'", "fault=slow,every=1");
        assertMessage("needs probability=P or every=N", "fault=throttling");
        assertMessage("fault delay needs millis=N", "fault=delay,every=2");
        assertMessage("between 0 and 1", "fault=drop,probability=1.5");
        assertMessage("rule 'every=2' names no fault=KIND", "every=2");
        assertMessage("cannot read the fault file no-such-file", "no-such-file");
    }

    private static void assertMessage(String expected, String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse(spec));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().startsWith("--faults"), e.getMessage());
    }

    private static List<Optional<FaultKind>> sequence(FaultPlan plan) {
        List<Optional<FaultKind>> kinds = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            kinds.add(plan.forHttp("GET /things").map(FaultRule::kind));
        }
        return kinds;
    }
}
