package io.jitp.core.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jitp.core.Reporter;
import io.jitp.core.devices.BatchOptions;
import io.jitp.core.devices.DeviceBatch;
import io.jitp.core.devices.DeviceSources;
import io.jitp.core.mqtt.JitpConnector;
import io.jitp.core.mqtt.MqttEndpoint;
import io.jitp.core.mqtt.MqttVersion;
import io.jitp.core.pki.CertificateAuthority;
import io.jitp.core.pki.KeyAlgorithm;
import io.jitp.core.pki.SubjectProfile;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.DescribeCertificateRequest;
import software.amazon.awssdk.services.iot.model.DescribeCertificateResponse;
import software.amazon.awssdk.services.iot.model.ListAttachedPoliciesRequest;
import software.amazon.awssdk.services.iot.model.ListAttachedPoliciesResponse;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaRequest;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaResponse;
import software.amazon.awssdk.services.iot.model.ListTargetsForPolicyRequest;
import software.amazon.awssdk.services.iot.model.ListTargetsForPolicyResponse;
import software.amazon.awssdk.services.iot.model.ListThingPrincipalsRequest;
import software.amazon.awssdk.services.iot.model.ListThingPrincipalsResponse;
import software.amazon.awssdk.services.iot.model.Policy;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * The control plane's verdicts for a whole run through the SDK's own request shapes and paginators, against an
 * in-memory account that counts the calls (the verdicts against the stand-in are in the integration tests).
 */
class ControlPlaneCheckTest {
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(4);
    private static final String CA = "c".repeat(64);

    @AfterAll
    static void stop() {
        WORKERS.shutdownNow();
    }

    /** An account with one CA's certificates (newest last) and one policy's targets. */
    private static final class Account implements IotClient {
        final Map<String, String> statusById = new LinkedHashMap<>();
        final List<String> policyTargets = new ArrayList<>();
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final List<ListCertificatesByCaRequest> byCaRequests = new ArrayList<>();
        boolean unreachable;
        final Set<String> unreachableOperations = ConcurrentHashMap.newKeySet();
        /** Principals by thing name; an empty list stands for a thing that does not exist. */
        final Map<String, List<String>> thingPrincipals = new ConcurrentHashMap<>();

        static String arn(String id) {
            return "arn:aws:iot:eu-west-1:123456789012:cert/" + id;
        }

        private void count(String operation) {
            if (unreachable || unreachableOperations.contains(operation)) {
                throw SdkClientException.create("Unable to execute HTTP request: Connection refused");
            }
            calls.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
        }

        int calls(String operation) {
            return calls.getOrDefault(operation, new AtomicInteger()).get();
        }

        @Override
        public DescribeCertificateResponse describeCertificate(DescribeCertificateRequest request) {
            count("DescribeCertificate");
            String status = statusById.get(request.certificateId());
            if (status == null) {
                throw ResourceNotFoundException.builder().message("no such certificate").build();
            }
            return DescribeCertificateResponse.builder().certificateDescription(CertificateDescription.builder()
                    .certificateId(request.certificateId()).certificateArn(arn(request.certificateId()))
                    .status(status).caCertificateId(CA).build()).build();
        }

        @Override
        public synchronized ListCertificatesByCaResponse listCertificatesByCA(ListCertificatesByCaRequest request) {
            count("ListCertificatesByCA");
            byCaRequests.add(request);
            List<String> newestFirst = new ArrayList<>(statusById.keySet());
            Collections.reverse(newestFirst);
            int from = request.marker() == null ? 0 : Integer.parseInt(request.marker());
            int to = Math.min(newestFirst.size(), from + request.pageSize());
            return ListCertificatesByCaResponse.builder().certificates(newestFirst.subList(from, to).stream()
                    .map(id -> Certificate.builder().certificateId(id).certificateArn(arn(id))
                            .status(statusById.get(id)).build()).toList())
                    .nextMarker(to < newestFirst.size() ? Integer.toString(to) : null).build();
        }

        @Override
        public ListAttachedPoliciesResponse listAttachedPolicies(ListAttachedPoliciesRequest request) {
            count("ListAttachedPolicies");
            return ListAttachedPoliciesResponse.builder().policies(policyTargets.contains(request.target())
                    ? List.of(Policy.builder().policyName("IoTAccess").build()) : List.of()).build();
        }

        @Override
        public ListTargetsForPolicyResponse listTargetsForPolicy(ListTargetsForPolicyRequest request) {
            count("ListTargetsForPolicy");
            int from = request.marker() == null ? 0 : Integer.parseInt(request.marker());
            int to = Math.min(policyTargets.size(), from + request.pageSize());
            return ListTargetsForPolicyResponse.builder().targets(policyTargets.subList(from, to))
                    .nextMarker(to < policyTargets.size() ? Integer.toString(to) : null).build();
        }

        @Override
        public ListThingPrincipalsResponse listThingPrincipals(ListThingPrincipalsRequest request) {
            count("ListThingPrincipals");
            List<String> principals = thingPrincipals.get(request.thingName());
            if (principals == null) {
                return ListThingPrincipalsResponse.builder().principals(List.of()).build();
            }
            if (principals.isEmpty()) {
                throw ResourceNotFoundException.builder().message("no such thing").build();
            }
            // One principal a page, so that a thing with several shows whether every page is read.
            int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
            return ListThingPrincipalsResponse.builder().principals(principals.get(from))
                    .nextToken(from + 1 < principals.size() ? Integer.toString(from + 1) : null).build();
        }

        @Override
        public String serviceName() {
            return "iot";
        }

        @Override
        public void close() {
        }
    }

    private static List<ControlPlaneCheck.Subject> provision(Account account, int count) {
        List<ControlPlaneCheck.Subject> subjects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = String.format("%064x", i);
            account.statusById.put(id, "ACTIVE");
            account.policyTargets.add(Account.arn(id));
            subjects.add(new ControlPlaneCheck.Subject("dev-" + i, id, Optional.of(List.of(Account.arn(id)))));
        }
        return subjects;
    }

    private static List<List<String>> problems(Account account, List<ControlPlaneCheck.Subject> subjects)
            throws IOException {
        return new ControlPlaneCheck(account).problems(subjects, WORKERS, JitpConnector.DEFAULT.newBackoff());
    }

    @Test
    void aThousandDevicesCostTwoQuestionsAndEightPagesNewestCertificatesFirst() throws Exception {
        Account account = new Account();
        List<ControlPlaneCheck.Subject> subjects = provision(account, 1000);
        List<List<String>> problems = problems(account, subjects);
        assertEquals(1000, problems.size());
        assertTrue(problems.stream().allMatch(List::isEmpty), problems.toString());
        assertEquals(1, account.calls("DescribeCertificate"));
        assertEquals(4, account.calls("ListCertificatesByCA"));
        assertEquals(1, account.calls("ListAttachedPolicies"));
        assertEquals(4, account.calls("ListTargetsForPolicy"));
        ListCertificatesByCaRequest first = account.byCaRequests.get(0);
        assertEquals(CA, first.caCertificateId());
        assertEquals(250, first.pageSize());
        assertFalse(first.ascendingOrder(), "newest first: a fresh fleet is on the first pages");
    }

    @Test
    void eachDeviceGetsItsOwnVerdictsInInputOrder() throws Exception {
        Account account = new Account();
        List<ControlPlaneCheck.Subject> subjects = new ArrayList<>(provision(account, 6));
        account.statusById.put(subjects.get(1).certificateId(), "INACTIVE");
        subjects.set(2, new ControlPlaneCheck.Subject("dev-2", subjects.get(2).certificateId(), Optional.empty()));
        subjects.set(3, new ControlPlaneCheck.Subject("dev-3", subjects.get(3).certificateId(), Optional.of(List.of())));
        account.policyTargets.remove(Account.arn(subjects.get(4).certificateId()));
        subjects.set(5, new ControlPlaneCheck.Subject("dev-5", "f".repeat(64), Optional.empty()));

        List<List<String>> problems = problems(account, subjects);

        assertEquals(List.of(), problems.get(0));
        assertEquals(List.of("certificate is INACTIVE, not ACTIVE"), problems.get(1));
        assertEquals(List.of("thing dev-2 does not exist"), problems.get(2));
        assertEquals(List.of("thing dev-3 does not have the certificate attached"), problems.get(3));
        assertEquals(List.of("no policy is attached to the certificate"), problems.get(4));
        assertEquals(1, problems.get(5).size());
        assertTrue(problems.get(5).get(0).startsWith("certificate " + "f".repeat(64) + " is not registered"));
    }

    @Test
    void aDevicesOwnQuestionReadsEveryPageOfItsThingsPrincipalsAndTellsAMissingThing() {
        Account account = new Account();
        account.thingPrincipals.put("dev-1", List.of(Account.arn("a"), Account.arn("b"), Account.arn("c")));
        account.thingPrincipals.put("dev-2", List.of());
        ControlPlaneCheck check = new ControlPlaneCheck(account);

        assertEquals(Optional.of(List.of(Account.arn("a"), Account.arn("b"), Account.arn("c"))),
                check.thingPrincipals("dev-1"));
        assertEquals(3, account.calls("ListThingPrincipals"));
        assertEquals(Optional.empty(), check.thingPrincipals("dev-2"));
    }

    @Test
    void anUnreachableControlPlaneIsRetriedWithinTheBudgetThenGivenUp() {
        Account account = new Account();
        List<ControlPlaneCheck.Subject> subjects = provision(account, 3);
        account.unreachable = true;
        JitpConnector noBudget = new JitpConnector(3, JitpConnector.MIN_DELAY, JitpConnector.MIN_DELAY,
                Duration.ZERO);
        IOException thrown = assertThrows(IOException.class, () -> new ControlPlaneCheck(account)
                .problems(subjects, WORKERS, noBudget.newBackoff()));
        assertTrue(thrown.getMessage().contains("gave up after losing the server 1 time(s)")
                && thrown.getMessage().contains("cannot reach the control plane: Unable to execute HTTP request"),
                thrown.getMessage());
    }

    @Test
    void whenTheBulkVerdictCannotBeHadEveryDeviceWaitingForItFailsSayingSo(@TempDir Path folder) throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(SubjectProfile.ofCommonName("bulk-root"),
                KeyAlgorithm.EC_P256, 1);
        new DeviceBatch(ca, new BatchOptions(folder, KeyAlgorithm.EC_P256, 1, 1, false), Reporter.silent())
                .run(DeviceSources.numbered("bulk-", 2, SubjectProfile.empty()));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Account account = new Account();
        account.unreachableOperations.add("DescribeCertificate");
        JitpConnector noBudget = new JitpConnector(1, JitpConnector.MIN_DELAY, JitpConnector.MIN_DELAY,
                Duration.ZERO);
        SmokeOptions options = new SmokeOptions(new MqttEndpoint("127.0.0.1", closedPort, false,
                List.of(ca.certificate()), MqttVersion.V5, Duration.ofSeconds(5)), SmokeOptions.DEFAULT_TOPIC, null, 2,
                noBudget, true);

        SmokeReport report = new SmokeConnect(options, account, Reporter.silent())
                .run(SmokeDevice.fromManifest(folder, Set.of()));

        assertEquals(2, report.failures().size());
        for (DeviceOutcome outcome : report.outcomes()) {
            assertTrue(outcome.failure().contains("; control plane: gave up after losing the server")
                    && outcome.failure().contains("cannot reach the control plane"), outcome.failure());
        }
        assertEquals(2, account.calls("ListThingPrincipals"), "each device's own question was answered");
    }
}
