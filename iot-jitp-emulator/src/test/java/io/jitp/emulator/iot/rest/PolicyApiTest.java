package io.jitp.emulator.iot.rest;

import static io.jitp.emulator.testing.AwsErrorAssertions.assertAwsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.emulator.testing.StandInApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;
import software.amazon.awssdk.services.iot.model.GetPolicyResponse;
import software.amazon.awssdk.services.iot.model.MalformedPolicyException;
import software.amazon.awssdk.services.iot.model.Policy;
import software.amazon.awssdk.services.iot.model.PolicyVersion;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.VersionsLimitExceededException;

/** Policies, versions and attachments through the AWS SDK for Java v2. */
class PolicyApiTest extends StandInApiTest {
    private static final String DOCUMENT = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:Connect",\
            "Resource":"arn:aws:iot:eu-west-1:123456789012:client/${iot:Certificate.Subject.CommonName}"}]}""";


    @Test
    void createsGetsAndDeletesAPolicy() {
        CreatePolicyResponse created = iot.createPolicy(r -> r.policyName("IoTAccess").policyDocument(DOCUMENT));
        assertEquals("arn:aws:iot:eu-west-1:123456789012:policy/IoTAccess", created.policyArn());
        assertEquals("1", created.policyVersionId());
        GetPolicyResponse policy = iot.getPolicy(r -> r.policyName("IoTAccess"));
        assertEquals(DOCUMENT, policy.policyDocument());
        assertEquals("1", policy.defaultVersionId());
        assertTrue(iot.listPolicies(r -> { }).policies().stream().map(Policy::policyName).toList()
                .contains("IoTAccess"));
        assertAwsError(ResourceAlreadyExistsException.class, 409,
                () -> iot.createPolicy(r -> r.policyName("IoTAccess").policyDocument(DOCUMENT)));
        assertAwsError(MalformedPolicyException.class, 400,
                () -> iot.createPolicy(r -> r.policyName("broken").policyDocument("{\"Statement\": 1")));
        iot.deletePolicy(r -> r.policyName("IoTAccess"));
        assertAwsError(ResourceNotFoundException.class, 404, () -> iot.getPolicy(r -> r.policyName("IoTAccess")));
    }

    @Test
    void keepsAtMostFiveVersionsAndProtectsTheDefault() {
        iot.createPolicy(r -> r.policyName("versioned").policyDocument(DOCUMENT));
        for (int i = 2; i <= 5; i++) {
            boolean makeDefault = i == 4;
            var created = iot.createPolicyVersion(r -> r.policyName("versioned")
                    .policyDocument(DOCUMENT.replace("Connect", "Publish")).setAsDefault(makeDefault));
            assertEquals(Integer.toString(i), created.policyVersionId());
            assertEquals(makeDefault, created.isDefaultVersion());
        }
        assertAwsError(VersionsLimitExceededException.class, 409, () -> iot.createPolicyVersion(r -> r
                .policyName("versioned").policyDocument(DOCUMENT)));
        List<PolicyVersion> versions = iot.listPolicyVersions(r -> r.policyName("versioned")).policyVersions();
        assertEquals(5, versions.size());
        assertEquals(List.of("4"), versions.stream().filter(PolicyVersion::isDefaultVersion)
                .map(PolicyVersion::versionId).toList());
        assertTrue(iot.getPolicy(r -> r.policyName("versioned")).policyDocument().contains("Publish"));
        assertAwsError(DeleteConflictException.class, 409, () -> iot.deletePolicyVersion(r -> r
                .policyName("versioned").policyVersionId("4")));
        iot.setDefaultPolicyVersion(r -> r.policyName("versioned").policyVersionId("1"));
        var first = iot.getPolicyVersion(r -> r.policyName("versioned").policyVersionId("1"));
        assertTrue(first.isDefaultVersion());
        assertEquals(DOCUMENT, first.policyDocument());
        assertAwsError(DeleteConflictException.class, 409, () -> iot.deletePolicy(r -> r.policyName("versioned")));
        for (String version : List.of("2", "3", "4", "5")) {
            iot.deletePolicyVersion(r -> r.policyName("versioned").policyVersionId(version));
        }
        assertAwsError(ResourceNotFoundException.class, 404, () -> iot.getPolicyVersion(r -> r
                .policyName("versioned").policyVersionId("2")));
        iot.deletePolicy(r -> r.policyName("versioned"));
    }

    @Test
    @SuppressWarnings("deprecation") // the older principal-policy calls are deprecated, and still served
    void attachesToACertificateListsWithAnEncodedArnAndGuardsDeletion() {
        iot.createPolicy(r -> r.policyName("attached").policyDocument(DOCUMENT));
        String arn = iot.createKeysAndCertificate(r -> r.setAsActive(true)).certificateArn();
        iot.attachPolicy(r -> r.policyName("attached").target(arn));
        // The certificate ARN holds a '/', which travels as %2F in ListAttachedPolicies' path.
        assertEquals(List.of("attached"), iot.listAttachedPolicies(r -> r.target(arn)).policies().stream()
                .map(Policy::policyName).toList());
        assertEquals(List.of(arn), iot.listTargetsForPolicy(r -> r.policyName("attached")).targets());
        assertAwsError(DeleteConflictException.class, 409, () -> iot.deletePolicy(r -> r.policyName("attached")));
        iot.detachPolicy(r -> r.policyName("attached").target(arn));
        assertTrue(iot.listAttachedPolicies(r -> r.target(arn)).policies().isEmpty());
        assertAwsError(ResourceNotFoundException.class, 404,
                () -> iot.attachPolicy(r -> r.policyName("no-such-policy").target(arn)));

        iot.attachPrincipalPolicy(r -> r.policyName("attached").principal(arn));
        assertEquals(List.of("attached"), iot.listPrincipalPolicies(r -> r.principal(arn)).policies().stream()
                .map(Policy::policyName).toList());
        iot.detachPrincipalPolicy(r -> r.policyName("attached").principal(arn));
        assertTrue(iot.listAttachedPolicies(r -> r.target(arn)).policies().isEmpty());
        iot.deletePolicy(r -> r.policyName("attached"));
    }
}
