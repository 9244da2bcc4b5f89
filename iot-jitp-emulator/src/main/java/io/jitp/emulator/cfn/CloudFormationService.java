package io.jitp.emulator.cfn;

import io.jitp.emulator.cfn.resources.ResourceTypes;
import io.jitp.emulator.http.AwsErrors;
import io.jitp.emulator.http.HttpReply;
import io.jitp.emulator.http.QueryProtocolHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CloudFormation's query protocol (API 2010-05-15) for the stand-in: enough for {@code aws cloudformation deploy}
 * and the AWS SDK's CloudFormationClient to deploy the seed's stacks. Operations complete synchronously, but the
 * statuses, events and errors are CloudFormation's, so waiters and deploy tools see what they expect.
 */
public final class CloudFormationService implements QueryProtocolHandler {

    static final String EMPTY_CHANGE_SET_REASON =
            "The submitted information didn't contain changes. Submit different information to create a change set.";
    private static final Logger LOG = LoggerFactory.getLogger(CloudFormationService.class);

    private final String region;
    private final String accountId;
    private final StackStore store;
    private final StackEngine engine;
    private final ChangeSetPlanner planner;

    /**
     * @param region         region of stack ARNs and {@code AWS::Region}
     * @param accountId      account of stack ARNs and {@code AWS::AccountId}
     * @param types          the resource types stacks may contain
     * @param stateDirectory where stacks are persisted, or {@code null} to keep them in memory
     * @throws IOException if the stored stacks cannot be read (a corrupt file is named, never reset)
     */
    public CloudFormationService(String region, String accountId, ResourceTypes types, Path stateDirectory)
            throws IOException {
        this.region = region;
        this.accountId = accountId;
        this.store = new StackStore(stateDirectory);
        this.engine = new StackEngine(region, accountId, types);
        this.planner = new ChangeSetPlanner(region, accountId);
    }

    /**
     * Handles one query-protocol request.
     *
     * @param form the decoded form parameters ({@code Action}, {@code Version}, …)
     * @return the XML reply, an error reply for every failure
     */
    @Override
    public synchronized HttpReply handle(Map<String, String> form) {
        String action = form.getOrDefault("Action", "");
        try {
            return HttpReply.xml(200, dispatch(action, new QueryForm(form)));
        } catch (CloudFormationException e) {
            return AwsErrors.xml(e.httpStatus(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("CloudFormation {} failed", action, e);
            return AwsErrors.xml(500, "InternalFailure", String.valueOf(e.getMessage()));
        } finally {
            store.save();
        }
    }

    /** @return the live stack of that name or id, for other parts of the stand-in and tests */
    public synchronized Optional<Stack> stack(String nameOrId) {
        return store.find(nameOrId);
    }

    private String dispatch(String action, QueryForm form) {
        return switch (action) {
            case "CreateStack" -> createStack(form);
            case "UpdateStack" -> updateStack(form);
            case "DeleteStack" -> deleteStack(form);
            case "DescribeStacks" -> describeStacks(form);
            case "DescribeStackEvents" -> describeStackEvents(form);
            case "DescribeStackResources" -> describeStackResources(form);
            case "ListStacks" -> listStacks(form);
            case "GetTemplate" -> getTemplate(form);
            case "ValidateTemplate" -> validateTemplate(form);
            case "GetTemplateSummary" -> getTemplateSummary(form);
            case "CreateChangeSet" -> createChangeSet(form);
            case "DescribeChangeSet" -> describeChangeSet(form);
            case "ExecuteChangeSet" -> executeChangeSet(form);
            case "DeleteChangeSet" -> deleteChangeSet(form);
            case "ListChangeSets" -> listChangeSets(form);
            default -> throw new CloudFormationException("InvalidAction", 400,
                    "The action " + action + " is not valid for this web service (local stand-in).");
        };
    }

    private String createStack(QueryForm form) {
        String name = form.required("StackName");
        if (store.find(name).isPresent()) {
            throw new CloudFormationException("AlreadyExistsException", 400, "Stack [" + name + "] already exists");
        }
        StackRequest request = new StackRequest(form);
        String body = request.body(null);
        StackTemplate template = StackTemplate.parse(body);
        Map<String, String> parameters = request.resolve(template, null);
        Stack stack = newStack(name);
        stack.capabilities = request.capabilities;
        store.add(stack);
        engine.create(stack, template, body, parameters);
        return QueryXml.response("CreateStack", xml -> xml.text("StackId", stack.stackId));
    }

    private String updateStack(QueryForm form) {
        Stack stack = existing(form.required("StackName"));
        checkUpdatable(stack);
        StackRequest request = new StackRequest(form);
        String body = request.body(stack);
        StackTemplate template = StackTemplate.parse(body);
        Map<String, String> parameters = request.resolve(template, stack);
        if (sameTemplateAndParameters(stack, template, parameters)) {
            throw CloudFormationException.validation("No updates are to be performed.");
        }
        stack.capabilities = request.capabilities;
        engine.update(stack, template, body, parameters);
        return QueryXml.response("UpdateStack", xml -> xml.text("StackId", stack.stackId));
    }

    private String deleteStack(QueryForm form) {
        store.find(form.required("StackName")).filter(stack -> !stack.isDeleted()).ifPresent(engine::delete);
        return QueryXml.response("DeleteStack", xml -> { });
    }

    private String describeStacks(QueryForm form) {
        String name = form.get("StackName");
        List<Stack> stacks;
        if (name == null) {
            stacks = store.all().stream().filter(stack -> !stack.isDeleted()).toList();
        } else {
            stacks = List.of(store.find(name).orElseThrow(() ->
                    CloudFormationException.validation("Stack with id " + name + " does not exist")));
        }
        return QueryXml.response("DescribeStacks", xml -> xml.members("Stacks", stacks,
                (member, stack) -> StackXml.stack(member, stack, declarations(stack))));
    }

    private String describeStackEvents(QueryForm form) {
        Stack stack = existing(form.required("StackName"));
        List<StackEvent> newestFirst = new ArrayList<>(stack.events);
        Collections.reverse(newestFirst);
        return QueryXml.response("DescribeStackEvents", xml -> xml.members("StackEvents", newestFirst,
                (member, event) -> StackXml.event(member, stack, event)));
    }

    private String describeStackResources(QueryForm form) {
        Stack stack = existing(form.required("StackName"));
        String logicalId = form.get("LogicalResourceId");
        List<StackResource> resources = stack.resources.values().stream()
                .filter(resource -> logicalId == null || resource.logicalId().equals(logicalId)).toList();
        return QueryXml.response("DescribeStackResources", xml -> xml.members("StackResources", resources,
                (member, resource) -> StackXml.resource(member, stack, resource)));
    }

    private String listStacks(QueryForm form) {
        List<String> filter = form.list("StackStatusFilter");
        List<Stack> stacks = store.all().stream()
                .filter(stack -> filter.isEmpty() || filter.contains(stack.status))
                .sorted(Comparator.comparing((Stack stack) -> stack.creationTime).reversed()).toList();
        return QueryXml.response("ListStacks", xml -> xml.members("StackSummaries", stacks, StackXml::summary));
    }

    private String getTemplate(QueryForm form) {
        Stack stack = existing(form.required("StackName"));
        return QueryXml.response("GetTemplate", xml -> xml.text("TemplateBody", stack.templateBody)
                .strings("StagesAvailable", List.of("Original", "Processed")));
    }

    private String validateTemplate(QueryForm form) {
        StackTemplate template = StackTemplate.parse(new StackRequest(form).body(null));
        RequiredCapabilities required = RequiredCapabilities.of(template);
        return QueryXml.response("ValidateTemplate", xml -> xml
                .members("Parameters", template.parameters().values(),
                        (member, declaration) -> StackXml.parameterDeclaration(member, declaration, false))
                .text("Description", template.description())
                .strings("Capabilities", required.capabilities()).text("CapabilitiesReason", required.reason())
                .strings("DeclaredTransforms", List.of()));
    }

    private String getTemplateSummary(QueryForm form) {
        String name = form.get("StackName");
        String body = name != null ? existing(name).templateBody : new StackRequest(form).body(null);
        StackTemplate template = StackTemplate.parse(body);
        RequiredCapabilities required = RequiredCapabilities.of(template);
        return QueryXml.response("GetTemplateSummary", xml -> xml
                .members("Parameters", template.parameters().values(),
                        (member, declaration) -> StackXml.parameterDeclaration(member, declaration, true))
                .text("Description", template.description())
                .strings("Capabilities", required.capabilities()).text("CapabilitiesReason", required.reason())
                .strings("ResourceTypes", template.resourceTypes())
                .text("Version", template.tree().getOrDefault("AWSTemplateFormatVersion", "2010-09-09"))
                .strings("DeclaredTransforms", List.of()));
    }

    private String createChangeSet(QueryForm form) {
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
            checkUpdatable(stack);
        }
        StackRequest request = new StackRequest(form);
        String body = request.body(stack);
        StackTemplate template = StackTemplate.parse(body);
        Map<String, String> parameters = request.resolve(template, stack);
        if (stack == null) {
            stack = newStack(stackName);
            stack.status = "REVIEW_IN_PROGRESS";
            stack.events.add(new StackEvent(UUID.randomUUID().toString(), stackName, stack.stackId,
                    StackEngine.STACK_TYPE, Instant.now(), "REVIEW_IN_PROGRESS", "User Initiated"));
            store.add(stack);
        }
        if (stack.changeSets.stream().anyMatch(existing -> existing.name.equals(changeSetName))) {
            throw new CloudFormationException("AlreadyExistsException", 400, "ChangeSet [" + changeSetName + "] already exists");
        }
        ChangeSet changeSet = new ChangeSet();
        changeSet.id = "arn:aws:cloudformation:" + region + ":" + accountId + ":changeSet/" + changeSetName + "/" + UUID.randomUUID();
        changeSet.name = changeSetName;
        changeSet.type = type;
        changeSet.description = form.get("Description");
        changeSet.templateBody = body;
        changeSet.parameters.putAll(parameters);
        changeSet.capabilities.addAll(request.capabilities);
        changeSet.creationTime = Instant.now();
        changeSet.changes.addAll(planner.plan(stack, template, parameters));
        boolean empty = changeSet.changes.isEmpty() && sameTemplateAndParameters(stack, template, parameters);
        changeSet.status = empty ? "FAILED" : "CREATE_COMPLETE";
        changeSet.statusReason = empty ? EMPTY_CHANGE_SET_REASON : null;
        changeSet.executionStatus = empty ? "UNAVAILABLE" : "AVAILABLE";
        stack.changeSets.add(changeSet);
        String stackId = stack.stackId;
        return QueryXml.response("CreateChangeSet", xml -> xml.text("Id", changeSet.id).text("StackId", stackId));
    }

    private String describeChangeSet(QueryForm form) {
        Stack stack = stackOfChangeSet(form);
        ChangeSet changeSet = changeSet(stack, form.required("ChangeSetName"));
        return QueryXml.response("DescribeChangeSet", xml -> StackXml.changeSet(xml, stack, changeSet));
    }

    private String executeChangeSet(QueryForm form) {
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

    private String deleteChangeSet(QueryForm form) {
        Stack stack = stackOfChangeSet(form);
        stack.changeSets.remove(changeSet(stack, form.required("ChangeSetName")));
        return QueryXml.response("DeleteChangeSet", xml -> { });
    }

    private String listChangeSets(QueryForm form) {
        Stack stack = existing(form.required("StackName"));
        return QueryXml.response("ListChangeSets", xml -> xml.members("Summaries", stack.changeSets,
                (member, changeSet) -> StackXml.changeSetSummary(member, stack, changeSet)));
    }

    private Stack newStack(String name) {
        if (!name.matches("[a-zA-Z][-a-zA-Z0-9]{0,127}")) {
            throw CloudFormationException.validation("1 validation error detected: Value '" + name
                    + "' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "[a-zA-Z][-a-zA-Z0-9]*");
        }
        return new Stack("arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + name + "/" + UUID.randomUUID(),
                name, Instant.now());
    }

    private Stack existing(String nameOrId) {
        return store.find(nameOrId).orElseThrow(() ->
                CloudFormationException.validation("Stack [" + nameOrId + "] does not exist"));
    }

    private Stack stackOfChangeSet(QueryForm form) {
        String changeSetName = form.required("ChangeSetName");
        if (changeSetName.startsWith("arn:")) {
            return store.all().stream().filter(stack -> stack.changeSets.stream().anyMatch(c -> c.id.equals(changeSetName)))
                    .findFirst().orElseThrow(() -> changeSetNotFound(changeSetName));
        }
        String stackName = form.get("StackName");
        if (stackName == null) {
            throw CloudFormationException.validation("StackName must be specified if ChangeSetName is not specified as an ARN.");
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

    private static void checkUpdatable(Stack stack) {
        boolean updatable = stack.status.endsWith("_COMPLETE") && !"ROLLBACK_COMPLETE".equals(stack.status)
                && !stack.status.startsWith("DELETE") && !stack.status.contains("CLEANUP");
        if (!updatable) {
            throw CloudFormationException.validation("Stack:" + stack.stackId + " is in " + stack.status
                    + " state and can not be updated.");
        }
    }

    private static boolean sameTemplateAndParameters(Stack stack, StackTemplate template, Map<String, String> parameters) {
        return stack.templateBody != null && StackTemplate.parse(stack.templateBody).tree().equals(template.tree())
                && stack.parameters.equals(parameters);
    }

    private static Map<String, ParameterDeclaration> declarations(Stack stack) {
        return stack.templateBody == null ? Map.of() : StackTemplate.parse(stack.templateBody).parameters();
    }
}
