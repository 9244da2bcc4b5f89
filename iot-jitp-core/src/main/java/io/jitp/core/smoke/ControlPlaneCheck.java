package io.jitp.core.smoke;

import io.jitp.core.mqtt.ConnectionLostException;
import io.jitp.core.mqtt.ReconnectBackoff;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * What the control plane must say about a provisioned device: its certificate ACTIVE, a thing named after it with the
 * certificate attached, and at least one policy attached to the certificate (AWS closes connections of certificates
 * without one). The thing is asked about per device, with the one call that proves both its existence and the
 * attachment (ListThingPrincipals); certificates' status and policies are answered for the whole run at once from
 * their CA's and their policy's listings ({@link GroupedLookup}), so that a thousand devices cost a few pages instead
 * of two thousand calls, each of which AWS meters at 10 per second by default.
 */
final class ControlPlaneCheck {
    /**
     * What one device's worker learned, for the verdict given once every device is done.
     *
     * @param deviceId        the device id (thing name)
     * @param certificateId   its certificate id
     * @param thingPrincipals its thing's principals; empty if there is no such thing
     */
    record Subject(String deviceId, String certificateId, Optional<List<String>> thingPrincipals) {
    }

    private final IotClient iot;
    private final GroupedLookup<String, CertificateStatuses.Registered> certificates;
    private final GroupedLookup<String, Boolean> policies;

    ControlPlaneCheck(IotClient iot) {
        this.iot = iot;
        this.certificates = new GroupedLookup<>(new CertificateStatuses(iot));
        this.policies = new GroupedLookup<>(new PolicyAttachments(iot));
    }

    /**
     * The device's own question, asked by its worker.
     *
     * @param deviceId the device id (thing name)
     * @return its thing's principals, empty if there is no such thing
     */
    Optional<List<String>> thingPrincipals(String deviceId) {
        try {
            return Optional.of(iot.listThingPrincipalsPaginator(r -> r.thingName(deviceId)).principals().stream()
                    .toList());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The verdicts of every device at once. When the control plane cannot be reached (a restart), the whole
     * question starts over after the backoff's wait, within its budget.
     *
     * @param subjects what each device's worker learned
     * @param workers  runs the per-certificate questions that listings did not answer
     * @param backoff  the budget for losing the control plane
     * @return each subject's problems, in input order; empty lists when all is well
     * @throws IOException if the control plane stayed out of reach beyond the budget, or on interruption
     */
    List<List<String>> problems(List<Subject> subjects, ExecutorService workers, ReconnectBackoff backoff)
            throws IOException {
        return untilReached(() -> problems(subjects, workers), backoff);
    }

    /**
     * A question to the control plane.
     *
     * @param <T> its answer
     */
    interface Question<T> {
        /** @return the answer @throws IOException if interrupted */
        T ask() throws IOException;
    }

    /**
     * Asks; when the control plane cannot be reached, asks again after the backoff's wait. The SDK's own retries
     * last a second or so; a restarting server needs the device's budget.
     *
     * @param question what to ask
     * @param backoff  the budget for losing the control plane
     * @param <T>      the answer
     * @return the answer
     * @throws IOException once the budget is used up, or on interruption
     */
    static <T> T untilReached(Question<T> question, ReconnectBackoff backoff) throws IOException {
        while (true) {
            try {
                return question.ask();
            } catch (SdkClientException e) {
                backoff.retryAfter(new ConnectionLostException("cannot reach the control plane: " + e.getMessage(),
                        false, e));
            }
        }
    }

    private List<List<String>> problems(List<Subject> subjects, ExecutorService workers) throws IOException {
        Map<String, Optional<CertificateStatuses.Registered>> registered = certificates.lookUp(
                subjects.stream().map(Subject::certificateId).distinct().toList(), workers);
        Map<String, Optional<Boolean>> withPolicy = policies.lookUp(registered.values().stream()
                .flatMap(Optional::stream).map(CertificateStatuses.Registered::arn).distinct().toList(), workers);
        List<List<String>> problems = new ArrayList<>(subjects.size());
        for (Subject subject : subjects) {
            problems.add(problems(subject, registered.get(subject.certificateId()), withPolicy));
        }
        return problems;
    }

    private static List<String> problems(Subject subject, Optional<CertificateStatuses.Registered> registered,
                                         Map<String, Optional<Boolean>> withPolicy) {
        List<String> problems = new ArrayList<>();
        if (registered.isEmpty()) {
            problems.add("certificate " + subject.certificateId() + " is not registered (is its CA registered with"
                    + " auto-registration, and did the device connect?)");
            return problems;
        }
        CertificateStatuses.Registered certificate = registered.get();
        if (!CertificateStatus.ACTIVE.toString().equals(certificate.status())) {
            problems.add("certificate is " + certificate.status() + ", not ACTIVE");
        }
        if (subject.thingPrincipals().isEmpty()) {
            problems.add("thing " + subject.deviceId() + " does not exist");
        } else if (!subject.thingPrincipals().get().contains(certificate.arn())) {
            problems.add("thing " + subject.deviceId() + " does not have the certificate attached");
        }
        if (!Objects.equals(withPolicy.get(certificate.arn()), Optional.of(true))) {
            problems.add("no policy is attached to the certificate");
        }
        return problems;
    }
}
