package io.jitp.emulator.cfn;

import io.jitp.emulator.cfn.resources.ResourceTypes;
import io.jitp.emulator.http.AwsErrors;
import io.jitp.emulator.http.HttpReply;
import io.jitp.emulator.http.QueryProtocolHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CloudFormation's query protocol (API 2010-05-15) for the stand-in: enough for {@code aws cloudformation deploy}
 * and the AWS SDK's CloudFormationClient to deploy the seed's stacks. Operations complete synchronously, but the
 * statuses, events and errors are CloudFormation's, so waiters and deploy tools see what they expect.
 */
public final class CloudFormationService implements QueryProtocolHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CloudFormationService.class);
    /** Waiters poll these; they change nothing, so the state file is not rewritten for them. */
    private static final Set<String> READ_ONLY_ACTIONS = Set.of("DescribeStacks", "DescribeStackEvents",
            "DescribeStackResources", "DescribeStackResource", "ListStackResources", "ListStacks", "GetTemplate",
            "ValidateTemplate", "GetTemplateSummary", "DescribeChangeSet", "ListChangeSets");

    private final String region;
    private final String accountId;
    private final StackStore store;
    private final StackEngine engine;
    private final Stacks stacks;
    private final ChangeSetActions changeSets;

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
        this.stacks = new Stacks(region, accountId, store);
        this.changeSets = new ChangeSetActions(stacks, store, engine, new ChangeSetPlanner(region, accountId));
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
            if (!READ_ONLY_ACTIONS.contains(action)) {
                store.save();
            }
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
            case "DescribeStackResource" -> describeStackResource(form);
            case "ListStackResources" -> listStackResources(form);
            case "ListStacks" -> listStacks(form);
            case "GetTemplate" -> getTemplate(form);
            case "ValidateTemplate" -> validateTemplate(form);
            case "GetTemplateSummary" -> getTemplateSummary(form);
            case "CreateChangeSet" -> changeSets.create(form);
            case "DescribeChangeSet" -> changeSets.describe(form);
            case "ExecuteChangeSet" -> changeSets.execute(form);
            case "DeleteChangeSet" -> changeSets.delete(form);
            case "ListChangeSets" -> changeSets.list(form);
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
        Stack stack = stacks.newStack(name);
        stack.capabilities = request.capabilities;
        store.add(stack);
        engine.create(stack, template, body, parameters);
        return QueryXml.response("CreateStack", xml -> xml.text("StackId", stack.stackId));
    }

    private String updateStack(QueryForm form) {
        Stack stack = stacks.existing(form.required("StackName"));
        Stacks.checkUpdatable(stack);
        StackRequest request = new StackRequest(form);
        String body = request.body(stack);
        StackTemplate template = StackTemplate.parse(body);
        Map<String, String> parameters = request.resolve(template, stack);
        if (Stacks.sameTemplateAndParameters(stack, template, parameters)) {
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
        Stack stack = stacks.existing(form.required("StackName"));
        List<StackEvent> newestFirst = new ArrayList<>(stack.events);
        Collections.reverse(newestFirst);
        return QueryXml.response("DescribeStackEvents", xml -> xml.members("StackEvents", newestFirst,
                (member, event) -> StackXml.event(member, stack, event)));
    }

    private String describeStackResources(QueryForm form) {
        Stack stack = stacks.existing(form.required("StackName"));
        String logicalId = form.get("LogicalResourceId");
        List<StackResource> resources = stack.resources.values().stream()
                .filter(resource -> logicalId == null || resource.logicalId().equals(logicalId)).toList();
        return QueryXml.response("DescribeStackResources", xml -> xml.members("StackResources", resources,
                (member, resource) -> StackXml.resource(member, stack, resource)));
    }

    private String describeStackResource(QueryForm form) {
        Stack stack = stacks.existing(form.required("StackName"));
        String logicalId = form.required("LogicalResourceId");
        StackResource resource = stack.resources.get(logicalId);
        if (resource == null) {
            throw CloudFormationException.validation("Resource " + logicalId + " does not exist for stack "
                    + stack.stackName);
        }
        return QueryXml.response("DescribeStackResource", xml -> xml.element("StackResourceDetail",
                detail -> StackXml.resourceDetail(detail, stack, resource)));
    }

    private String listStackResources(QueryForm form) {
        Stack stack = stacks.existing(form.required("StackName"));
        return QueryXml.response("ListStackResources", xml -> xml.members("StackResourceSummaries",
                stack.resources.values(), StackXml::resourceSummary));
    }

    private String listStacks(QueryForm form) {
        List<String> filter = form.list("StackStatusFilter");
        List<Stack> stacks = store.all().stream()
                .filter(stack -> filter.isEmpty() || filter.contains(stack.status))
                .sorted(Comparator.comparing((Stack stack) -> stack.creationTime).reversed()).toList();
        return QueryXml.response("ListStacks", xml -> xml.members("StackSummaries", stacks, StackXml::summary));
    }

    private String getTemplate(QueryForm form) {
        Stack stack = stacks.existing(form.required("StackName"));
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
        String body = name != null ? stacks.existing(name).templateBody : new StackRequest(form).body(null);
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

    private static Map<String, ParameterDeclaration> declarations(Stack stack) {
        return stack.templateBody == null ? Map.of() : StackTemplate.parse(stack.templateBody).parameters();
    }
}
