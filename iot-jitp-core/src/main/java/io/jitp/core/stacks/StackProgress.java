package io.jitp.core.stacks;

import io.jitp.core.Reporter;

import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Streams a stack's events as progress lines, oldest first, each once; remembers the first failure (the resource
 * whose reason explains a rollback).
 */
final class StackProgress {
    private final CloudFormationClient cloudFormation;
    private final String stackId;
    private final Reporter reporter;
    private final Set<String> seen = new HashSet<>();
    private StackEvent firstFailure;

    /**
     * @param cloudFormation the client
     * @param stackId        the stack (its id, so events stay readable after deletion)
     * @param reporter       receives the lines
     * @param before         events already there, not to be shown (the stack's earlier history)
     */
    StackProgress(CloudFormationClient cloudFormation, String stackId, Reporter reporter, List<StackEvent> before) {
        this.cloudFormation = cloudFormation;
        this.stackId = stackId;
        this.reporter = reporter;
        before.forEach(event -> seen.add(event.eventId()));
    }

    /** @return every event of the stack, newest first (as CloudFormation returns them) */
    static List<StackEvent> events(CloudFormationClient cloudFormation, String stackId) {
        List<StackEvent> events = new ArrayList<>();
        cloudFormation.describeStackEventsPaginator(r -> r.stackName(stackId)).stackEvents().forEach(events::add);
        return events;
    }

    /** Reports the events that appeared since the last call. */
    void poll() {
        List<StackEvent> fresh = new ArrayList<>();
        for (StackEvent event : events(cloudFormation, stackId)) {
            if (seen.add(event.eventId())) {
                fresh.add(0, event);
            }
        }
        for (StackEvent event : fresh) {
            String status = event.resourceStatusAsString();
            if (firstFailure == null && status != null && status.endsWith("_FAILED")) {
                firstFailure = event;
            }
            reporter.info(String.format("  %-28s %-32s %s%s", status, event.resourceType(),
                    event.logicalResourceId(), event.resourceStatusReason() == null ? ""
                            : " (" + event.resourceStatusReason() + ")"));
        }
    }

    /** @return the first failed resource and its reason, or a generic text */
    String failure() {
        return firstFailure == null ? "no resource reported a failure"
                : "resource " + firstFailure.logicalResourceId() + " (" + firstFailure.resourceType() + ") failed: "
                + firstFailure.resourceStatusReason();
    }
}
