package io.jitp.emulator.cfn;

import java.util.List;
import java.util.Map;

/** The XML shapes of stacks, events, resources and change sets, per the botocore model of CloudFormation 2010-05-15. */
final class StackXml {

    private StackXml() {
    }

    static void stack(QueryXml xml, Stack stack, Map<String, ParameterDeclaration> declarations) {
        xml.text("StackId", stack.stackId).text("StackName", stack.stackName).text("Description", stack.description);
        xml.members("Parameters", stack.parameters.entrySet(), (member, parameter) -> {
            ParameterDeclaration declaration = declarations.get(parameter.getKey());
            member.text("ParameterKey", parameter.getKey()).text("ParameterValue",
                    declaration != null && declaration.noEcho() ? "****" : parameter.getValue());
        });
        xml.text("CreationTime", stack.creationTime).text("LastUpdatedTime", stack.lastUpdatedTime)
                .text("DeletionTime", stack.deletionTime)
                .text("StackStatus", stack.status).text("StackStatusReason", stack.statusReason)
                .text("DisableRollback", false).strings("NotificationARNs", List.of())
                .strings("Capabilities", stack.capabilities);
        xml.members("Outputs", stack.outputs, (member, output) -> member.text("OutputKey", output.key())
                .text("OutputValue", output.value()).text("Description", output.description())
                .text("ExportName", output.exportName()));
        xml.element("Tags", tags -> { });
        xml.element("DriftInformation", drift -> drift.text("StackDriftStatus", "NOT_CHECKED"));
    }

    static void summary(QueryXml xml, Stack stack) {
        xml.text("StackId", stack.stackId).text("StackName", stack.stackName).text("TemplateDescription", stack.description)
                .text("CreationTime", stack.creationTime).text("LastUpdatedTime", stack.lastUpdatedTime)
                .text("DeletionTime", stack.deletionTime).text("StackStatus", stack.status)
                .text("StackStatusReason", stack.statusReason);
    }

    static void event(QueryXml xml, Stack stack, StackEvent event) {
        xml.text("StackId", stack.stackId).text("EventId", event.eventId()).text("StackName", stack.stackName)
                .text("LogicalResourceId", event.logicalResourceId()).text("PhysicalResourceId", event.physicalResourceId())
                .text("ResourceType", event.resourceType()).text("Timestamp", event.timestamp())
                .text("ResourceStatus", event.resourceStatus()).text("ResourceStatusReason", event.reason());
    }

    static void resource(QueryXml xml, Stack stack, StackResource resource) {
        xml.text("StackName", stack.stackName).text("StackId", stack.stackId)
                .text("LogicalResourceId", resource.logicalId()).text("PhysicalResourceId", resource.physicalId())
                .text("ResourceType", resource.type()).text("Timestamp", resource.timestamp())
                .text("ResourceStatus", resource.status());
    }

    static void resourceSummary(QueryXml xml, StackResource resource) {
        xml.text("LogicalResourceId", resource.logicalId()).text("PhysicalResourceId", resource.physicalId())
                .text("ResourceType", resource.type()).text("LastUpdatedTimestamp", resource.timestamp())
                .text("ResourceStatus", resource.status());
    }

    static void resourceDetail(QueryXml xml, Stack stack, StackResource resource) {
        xml.text("StackName", stack.stackName).text("StackId", stack.stackId);
        resourceSummary(xml, resource);
    }

    static void changeSet(QueryXml xml, Stack stack, ChangeSet changeSet) {
        xml.text("ChangeSetName", changeSet.name).text("ChangeSetId", changeSet.id).text("StackId", stack.stackId)
                .text("StackName", stack.stackName).text("Description", changeSet.description)
                .members("Parameters", changeSet.parameters.entrySet(), (member, parameter) -> member
                        .text("ParameterKey", parameter.getKey()).text("ParameterValue", parameter.getValue()))
                .text("CreationTime", changeSet.creationTime).text("ExecutionStatus", changeSet.executionStatus)
                .text("Status", changeSet.status).text("StatusReason", changeSet.statusReason)
                .strings("NotificationARNs", List.of()).strings("Capabilities", changeSet.capabilities)
                .element("Tags", tags -> { })
                .members("Changes", changeSet.changes, (member, change) -> member.text("Type", "Resource")
                        .element("ResourceChange", rc -> rc.text("Action", change.action())
                                .text("LogicalResourceId", change.logicalId())
                                .text("PhysicalResourceId", change.physicalId())
                                .text("ResourceType", change.type()).text("Replacement", change.replacement())
                                .element("Scope", scope -> { }).element("Details", details -> { })))
                .text("IncludeNestedStacks", false);
    }

    static void changeSetSummary(QueryXml xml, Stack stack, ChangeSet changeSet) {
        xml.text("StackId", stack.stackId).text("StackName", stack.stackName).text("ChangeSetId", changeSet.id)
                .text("ChangeSetName", changeSet.name).text("ExecutionStatus", changeSet.executionStatus)
                .text("Status", changeSet.status).text("StatusReason", changeSet.statusReason)
                .text("CreationTime", changeSet.creationTime).text("Description", changeSet.description);
    }

    static void parameterDeclaration(QueryXml xml, ParameterDeclaration declaration, boolean withType) {
        xml.text("ParameterKey", declaration.key()).text("DefaultValue", declaration.defaultValue());
        if (withType) {
            xml.text("ParameterType", declaration.type());
        }
        xml.text("NoEcho", declaration.noEcho()).text("Description", declaration.description());
    }
}
