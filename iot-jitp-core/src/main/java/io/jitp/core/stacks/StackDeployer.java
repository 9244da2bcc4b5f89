package io.jitp.core.stacks;

import io.jitp.core.Reporter;

import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys and deletes stacks the way {@code aws cloudformation deploy} does: a change set (CREATE or UPDATE), its
 * changes logged, executed, and the stack's events streamed as progress until a terminal status. A change set
 * without changes is success; a failure names the failing resource and CloudFormation's reason.
 */
public final class StackDeployer {
    private static final String NO_CHANGES = "didn't contain changes";

    private final CloudFormationClient cloudFormation;
    private final Reporter reporter;
    private final Duration pollInterval;

    /**
     * @param cloudFormation the client of the target
     * @param reporter       receives progress
     * @param pollInterval   how often to ask for progress (seconds on AWS, less against the stand-in)
     */
    public StackDeployer(CloudFormationClient cloudFormation, Reporter reporter, Duration pollInterval) {
        this.cloudFormation = cloudFormation;
        this.reporter = reporter;
        this.pollInterval = pollInterval;
    }

    /**
     * Creates or updates a stack.
     *
     * @param stackName    the stack name
     * @param template     the template
     * @param parameters   parameter overrides (others keep the stack's current values, or the template defaults)
     * @param capabilities capabilities acknowledged, e.g. {@code CAPABILITY_NAMED_IAM}
     * @return the stack as deployed
     * @throws StackFailedException if the change set or the stack operation fails
     */
    public StackResult deploy(String stackName, StackTemplate template, Map<String, String> parameters,
                              List<Capability> capabilities) {
        Optional<Stack> existing = describe(stackName);
        if (existing.isPresent() && existing.get().stackStatusAsString().equals("ROLLBACK_COMPLETE")) {
            reporter.info("Stack " + stackName + " is ROLLBACK_COMPLETE after a failed creation; deleting it first");
            delete(stackName);
            existing = Optional.empty();
        }
        boolean create = existing.isEmpty() || existing.get().stackStatusAsString().equals("REVIEW_IN_PROGRESS");
        String changeSetName = "iot-jitp-" + System.currentTimeMillis();
        List<Parameter> overrides = new ArrayList<>(parameters.entrySet().stream()
                .map(e -> Parameter.builder().parameterKey(e.getKey()).parameterValue(e.getValue()).build()).toList());
        if (!create) {
            // As aws cloudformation deploy: an update keeps the values of parameters not given again.
            existing.get().parameters().stream().map(Parameter::parameterKey).filter(k -> !parameters.containsKey(k))
                    .forEach(k -> overrides.add(Parameter.builder().parameterKey(k).usePreviousValue(true).build()));
        }
        String stackId = cloudFormation.createChangeSet(r -> r.stackName(stackName).changeSetName(changeSetName)
                .changeSetType(create ? ChangeSetType.CREATE : ChangeSetType.UPDATE).templateBody(template.body())
                .parameters(overrides).capabilities(capabilities)
                .description("iot-jitp deploy-stack " + template.name())).stackId();
        DescribeChangeSetResponse changeSet = awaitChangeSet(stackName, changeSetName);
        if (changeSet.statusAsString().equals("FAILED")) {
            String reason = String.valueOf(changeSet.statusReason());
            if (reason.contains(NO_CHANGES) || reason.contains("No updates are to be performed")) {
                cloudFormation.deleteChangeSet(r -> r.stackName(stackName).changeSetName(changeSetName));
                reporter.info("Stack " + stackName + " is up to date: no changes");
                Stack stack = describe(stackName).orElseThrow();
                return new StackResult(stackName, stack.stackId(), stack.stackStatusAsString(), outputs(stack),
                        false);
            }
            throw new StackFailedException("The change set for stack " + stackName + " failed: " + reason);
        }
        reporter.info((create ? "Creating" : "Updating") + " stack " + stackName + " from " + template.name() + ":");
        changeSet.changes().stream().map(Change::resourceChange).forEach(change -> reporter.info(String.format(
                "  %-8s %-32s %s%s", change.actionAsString(), change.resourceType(), change.logicalResourceId(),
                change.replacementAsString() == null || change.replacementAsString().equals("False") ? ""
                        : " (replacement: " + change.replacementAsString() + ")")));
        StackProgress progress = new StackProgress(cloudFormation, stackId, reporter,
                StackProgress.events(cloudFormation, stackId));
        cloudFormation.executeChangeSet(r -> r.stackName(stackName).changeSetName(changeSetName));
        String status = awaitTerminal(stackId, progress);
        if (!status.equals("CREATE_COMPLETE") && !status.equals("UPDATE_COMPLETE")) {
            throw new StackFailedException("Stack " + stackName + " ended " + status + ": " + progress.failure());
        }
        reporter.info("Stack " + stackName + " " + status);
        return new StackResult(stackName, stackId, status, outputs(describe(stackId).orElseThrow()), true);
    }

    /**
     * Deletes a stack and waits for the deletion to finish.
     *
     * @param stackName the stack name
     * @return false if there was no such stack
     * @throws StackFailedException if the deletion fails
     */
    public boolean delete(String stackName) {
        Optional<Stack> existing = describe(stackName);
        if (existing.isEmpty()) {
            return false;
        }
        String stackId = existing.get().stackId();
        StackProgress progress = new StackProgress(cloudFormation, stackId, reporter,
                StackProgress.events(cloudFormation, stackId));
        cloudFormation.deleteStack(r -> r.stackName(stackId));
        String status = awaitTerminal(stackId, progress);
        if (!status.equals("DELETE_COMPLETE")) {
            throw new StackFailedException("Deleting stack " + stackName + " ended " + status + ": "
                    + progress.failure());
        }
        reporter.info("Stack " + stackName + " DELETE_COMPLETE");
        return true;
    }

    /**
     * @param stackName a stack name or id
     * @return the stack, or empty if it does not exist
     */
    public Optional<Stack> describe(String stackName) {
        try {
            return cloudFormation.describeStacks(r -> r.stackName(stackName)).stacks().stream().findFirst();
        } catch (CloudFormationException e) {
            if (e.statusCode() == 400 && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private DescribeChangeSetResponse awaitChangeSet(String stackName, String changeSetName) {
        while (true) {
            DescribeChangeSetResponse changeSet = cloudFormation.describeChangeSet(r -> r.stackName(stackName)
                    .changeSetName(changeSetName));
            String status = changeSet.statusAsString();
            if (status.equals("CREATE_COMPLETE") || status.equals("FAILED")) {
                return changeSet;
            }
            sleep();
        }
    }

    /** @return the first status that is not in progress; a stack that is gone counts as DELETE_COMPLETE */
    private String awaitTerminal(String stackId, StackProgress progress) {
        while (true) {
            Optional<Stack> stack = describe(stackId);
            if (stack.isEmpty()) {
                return "DELETE_COMPLETE";
            }
            progress.poll();
            String status = stack.get().stackStatusAsString();
            if (!status.endsWith("_IN_PROGRESS")) {
                return status;
            }
            sleep();
        }
    }

    private static Map<String, String> outputs(Stack stack) {
        Map<String, String> outputs = new LinkedHashMap<>();
        stack.outputs().forEach((Output output) -> outputs.put(output.outputKey(), output.outputValue()));
        return outputs;
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for CloudFormation", e);
        }
    }
}
