package io.jitp.emulator.cfn;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * CreateChangeSet, DescribeChangeSet, ExecuteChangeSet, DeleteChangeSet and ListChangeSets, as
 * {@code aws cloudformation deploy} uses them: a CREATE change set makes a REVIEW_IN_PROGRESS stack, an empty one
 * FAILS with CloudFormation's "didn't contain changes" reason, executing one creates or updates the stack.
 */
final class ChangeSetActions {

    static final String EMPTY_CHANGE_SET_REASON =
            "The submitted information didn't contain changes. Submit different information to create a change set.";

    private final Stacks stacks;
    private final StackStore store;
    private final StackEngine engine;
    private final ChangeSetPlanner planner;

    ChangeSetActions(Stacks stacks, StackStore store, StackEngine engine, ChangeSetPlanner planner) {
        this.stacks = stacks;
        this.store = store;
        this.engine = engine;
        this.planner = planner;
    }

    String create(QueryForm form) {
        String stackName = form.required("StackName");
        String changeSetName = form.required("ChangeSetName");
        String type = Optional.ofNullable(form.get("ChangeSetType")).orElse("UPDATE");
        Stack stack = store.find(stackName).orElse(null);
        if ("CREATE".equals(type)) {
            if (stack != null && !"REVIEW_IN_PROGRESS".equals(stack.status)) {
                throw CloudFormationException.validation("Stack [" + stackName
                        + "] already exists and cannot be created again with the changeSet [" + changeSetName + "].");
            }
        } else if (!"UPDATE".equals(type)) {
            throw CloudFormationException.validation("ChangeSetType " + type + " is not supported (CREATE or UPDATE)");
        } else if (stack == null) {
            throw CloudFormationException.validation("Stack [" + stackName + "] does not exist");
        } else {
            Stacks.checkUpdatable(stack);
        }
        StackRequest request = new StackRequest(form);
        String body = request.body(stack);
        StackTemplate template = StackTemplate.parse(body);
        Map<String, String> parameters = request.resolve(template, stack);
        if (stack == null) {
            stack = stacks.newStack(stackName);
            stack.status = "REVIEW_IN_PROGRESS";
            stack.events.add(new StackEvent(UUID.randomUUID().toString(), stackName, stack.stackId,
                    StackEngine.STACK_TYPE, Instant.now(), "REVIEW_IN_PROGRESS", "User Initiated"));
            store.add(stack);
        }
        if (stack.changeSets.stream().anyMatch(existing -> existing.name.equals(changeSetName))) {
            throw new CloudFormationException("AlreadyExistsException", 400,
                    "ChangeSet [" + changeSetName + "] already exists");
        }
        ChangeSet changeSet = new ChangeSet();
        changeSet.id = stacks.arn("changeSet", changeSetName);
        changeSet.name = changeSetName;
        changeSet.type = type;
        changeSet.description = form.get("Description");
        changeSet.templateBody = body;
        changeSet.parameters.putAll(parameters);
        changeSet.capabilities.addAll(request.capabilities);
        changeSet.creationTime = Instant.now();
        changeSet.changes.addAll(planner.plan(stack, template, parameters));
        boolean empty = changeSet.changes.isEmpty() && Stacks.sameTemplateAndParameters(stack, template, parameters);
        changeSet.status = empty ? "FAILED" : "CREATE_COMPLETE";
        changeSet.statusReason = empty ? EMPTY_CHANGE_SET_REASON : null;
        changeSet.executionStatus = empty ? "UNAVAILABLE" : "AVAILABLE";
        stack.changeSets.add(changeSet);
        String stackId = stack.stackId;
        return QueryXml.response("CreateChangeSet", xml -> xml.text("Id", changeSet.id).text("StackId", stackId));
    }

    String describe(QueryForm form) {
        Stack stack = stackOfChangeSet(form);
        ChangeSet changeSet = changeSet(stack, form.required("ChangeSetName"));
        return QueryXml.response("DescribeChangeSet", xml -> StackXml.changeSet(xml, stack, changeSet));
    }

    String execute(QueryForm form) {
        Stack stack = stackOfChangeSet(form);
        ChangeSet changeSet = changeSet(stack, form.required("ChangeSetName"));
        if (!"AVAILABLE".equals(changeSet.executionStatus)) {
            throw new CloudFormationException("InvalidChangeSetStatus", 400, "ChangeSet [" + changeSet.id
                    + "] cannot be executed in its current execution status of [" + changeSet.executionStatus + "]");
        }
        StackTemplate template = StackTemplate.parse(changeSet.templateBody);
        stack.capabilities = changeSet.capabilities;
        changeSet.executionStatus = "EXECUTE_COMPLETE";
        stack.changeSets.stream().filter(other -> other != changeSet && "AVAILABLE".equals(other.executionStatus))
                .forEach(other -> other.executionStatus = "OBSOLETE");
        if ("REVIEW_IN_PROGRESS".equals(stack.status)) {
            engine.create(stack, template, changeSet.templateBody, changeSet.parameters);
        } else {
            engine.update(stack, template, changeSet.templateBody, changeSet.parameters);
        }
        return QueryXml.response("ExecuteChangeSet", xml -> { });
    }

    String delete(QueryForm form) {
        Stack stack = stackOfChangeSet(form);
        stack.changeSets.remove(changeSet(stack, form.required("ChangeSetName")));
        return QueryXml.response("DeleteChangeSet", xml -> { });
    }

    String list(QueryForm form) {
        Stack stack = stacks.existing(form.required("StackName"));
        return QueryXml.response("ListChangeSets", xml -> xml.members("Summaries", stack.changeSets,
                (member, changeSet) -> StackXml.changeSetSummary(member, stack, changeSet)));
    }

    private Stack stackOfChangeSet(QueryForm form) {
        String changeSetName = form.required("ChangeSetName");
        if (changeSetName.startsWith("arn:")) {
            return store.all().stream().filter(stack -> stack.changeSets.stream().anyMatch(c -> c.id.equals(changeSetName)))
                    .findFirst().orElseThrow(() -> changeSetNotFound(changeSetName));
        }
        String stackName = form.get("StackName");
        if (stackName == null) {
            throw CloudFormationException.validation(
                    "StackName must be specified if ChangeSetName is not specified as an ARN.");
        }
        return store.find(stackName).orElseThrow(() -> changeSetNotFound(changeSetName));
    }

    private static ChangeSet changeSet(Stack stack, String nameOrId) {
        return stack.changeSets.stream().filter(c -> c.id.equals(nameOrId) || c.name.equals(nameOrId)).findFirst()
                .orElseThrow(() -> changeSetNotFound(nameOrId));
    }

    private static CloudFormationException changeSetNotFound(String nameOrId) {
        return new CloudFormationException("ChangeSetNotFound", 404, "ChangeSet [" + nameOrId + "] does not exist");
    }

}
