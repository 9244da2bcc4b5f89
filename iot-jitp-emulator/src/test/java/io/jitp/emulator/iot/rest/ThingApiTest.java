package io.jitp.emulator.iot.rest;

import static io.jitp.emulator.testing.AwsErrorAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.testing.StandInApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.CreateThingResponse;
import software.amazon.awssdk.services.iot.model.DescribeThingResponse;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ListThingsResponse;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ThingAttribute;
import software.amazon.awssdk.services.iot.model.VersionConflictException;

/** Things and thing principals through the AWS SDK for Java v2. */
class ThingApiTest extends StandInApiTest {

    @Test
    void createIsIdempotentForTheSameThingAndConflictsOtherwise() {
        CreateThingResponse created = iot.createThing(r -> r.thingName("sensor-1")
                .attributePayload(p -> p.attributes(Map.of("room", "kitchen"))));
        assertEquals("arn:aws:iot:eu-west-1:123456789012:thing/sensor-1", created.thingArn());
        assertTrue(created.thingId().matches("[0-9a-f-]{36}"), created.thingId());
        CreateThingResponse again = iot.createThing(r -> r.thingName("sensor-1")
                .attributePayload(p -> p.attributes(Map.of("room", "kitchen"))));
        assertEquals(created.thingId(), again.thingId());
        assertAwsError(ResourceAlreadyExistsException.class, 409, () -> iot.createThing(r -> r.thingName("sensor-1")
                .attributePayload(p -> p.attributes(Map.of("room", "cellar")))));
        assertAwsError(InvalidRequestException.class, 400, () -> iot.createThing(r -> r.thingName("bad/name")));

        DescribeThingResponse described = iot.describeThing(r -> r.thingName("sensor-1"));
        assertEquals("sensor-1", described.defaultClientId());
        assertEquals(1L, described.version());
        assertEquals(Map.of("room", "kitchen"), described.attributes());
        assertEquals(created.thingId(), described.thingId());
        assertAwsError(ResourceNotFoundException.class, 404, () -> iot.describeThing(r -> r.thingName("nope")));
    }

    @Test
    void updateMergesOrReplacesAttributesAndChecksTheVersion() {
        iot.createThing(r -> r.thingName("updatable").attributePayload(p -> p.attributes(Map.of("a", "1", "b", "2"))));
        iot.updateThing(r -> r.thingName("updatable").attributePayload(p -> p.attributes(Map.of("b", "", "c", "3"))
                .merge(true)));
        DescribeThingResponse merged = iot.describeThing(r -> r.thingName("updatable"));
        assertEquals(Map.of("a", "1", "c", "3"), merged.attributes());
        assertEquals(2L, merged.version());
        iot.updateThing(r -> r.thingName("updatable").attributePayload(p -> p.attributes(Map.of("z", "9")))
                .expectedVersion(2L));
        assertEquals(Map.of("z", "9"), iot.describeThing(r -> r.thingName("updatable")).attributes());
        assertAwsError(VersionConflictException.class, 409, () -> iot.updateThing(r -> r.thingName("updatable")
                .thingTypeName(null).expectedVersion(1L)));
        assertAwsError(VersionConflictException.class, 409, () -> iot.deleteThing(r -> r.thingName("updatable")
                .expectedVersion(1L)));
        iot.deleteThing(r -> r.thingName("updatable").expectedVersion(3L));
    }

    @Test
    void listsThingsPageByPageAndByAttribute() {
        for (int i = 0; i < 5; i++) {
            String name = "listed-" + i;
            String parity = i % 2 == 0 ? "even" : "odd";
            iot.createThing(r -> r.thingName(name).attributePayload(p -> p.attributes(Map.of("parity", parity))));
        }
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String current = token;
            ListThingsResponse page = iot.listThings(r -> r.maxResults(2).nextToken(current)
                    .attributeName("parity"));
            page.things().forEach(t -> names.add(t.thingName()));
            token = page.nextToken();
        } while (token != null);
        assertEquals(List.of("listed-0", "listed-1", "listed-2", "listed-3", "listed-4"), names);
        assertEquals(List.of("listed-1", "listed-3"), iot.listThings(r -> r.attributeName("parity")
                .attributeValue("odd")).things().stream().map(ThingAttribute::thingName).toList());
    }

    @Test
    void principalsAttachThroughTheHeaderAndGuardDeletion() {
        iot.createThing(r -> r.thingName("with-cert"));
        String arn = iot.createKeysAndCertificate(r -> r.setAsActive(true)).certificateArn();
        iot.attachThingPrincipal(r -> r.thingName("with-cert").principal(arn));
        iot.attachThingPrincipal(r -> r.thingName("with-cert").principal(arn));
        assertEquals(List.of(arn), iot.listThingPrincipals(r -> r.thingName("with-cert")).principals());
        assertEquals(List.of("with-cert"), iot.listPrincipalThings(r -> r.principal(arn)).things());
        assertAwsError(InvalidRequestException.class, 400, () -> iot.deleteThing(r -> r.thingName("with-cert")));
        assertAwsError(ResourceNotFoundException.class, 404, () -> iot.attachThingPrincipal(r -> r
                .thingName("with-cert").principal(arn.replaceAll("cert/.*", "cert/" + "0".repeat(64)))));
        assertAwsError(ResourceNotFoundException.class, 404, () -> iot.listThingPrincipals(r -> r.thingName("ghost")));

        iot.detachThingPrincipal(r -> r.thingName("with-cert").principal(arn));
        assertTrue(iot.listThingPrincipals(r -> r.thingName("with-cert")).principals().isEmpty());
        iot.deleteThing(r -> r.thingName("with-cert"));
        iot.deleteThing(r -> r.thingName("with-cert"));
        assertAwsError(ResourceNotFoundException.class, 404, () -> iot.describeThing(r -> r.thingName("with-cert")));
    }
}
