package io.jitp.emulator.cfn;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack: its template, parameter values, resources, outputs, events and change sets. Mutable, guarded by the
 * {@link CloudFormationService}'s lock, and persisted as JSON by {@link StackStore}.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public final class Stack {

    String stackId;
    String stackName;
    String status;
    String statusReason;
    String description;
    String templateBody;
    Map<String, String> parameters = new LinkedHashMap<>();
    List<String> capabilities = new ArrayList<>();
    Map<String, StackResource> resources = new LinkedHashMap<>();
    List<StackOutput> outputs = new ArrayList<>();
    List<StackEvent> events = new ArrayList<>();
    List<ChangeSet> changeSets = new ArrayList<>();
    Instant creationTime;
    Instant lastUpdatedTime;
    Instant deletionTime;

    Stack() {
    }

    Stack(String stackId, String stackName, Instant creationTime) {
        this.stackId = stackId;
        this.stackName = stackName;
        this.creationTime = creationTime;
    }

    /** @return the stack ARN */
    public String stackId() {
        return stackId;
    }

    /** @return the stack name */
    public String stackName() {
        return stackName;
    }

    /** @return the stack status, such as {@code CREATE_COMPLETE} */
    public String status() {
        return status;
    }

    /** @return the resources by logical id, in creation order */
    public Map<String, StackResource> resources() {
        return resources;
    }

    /** @return the outputs of the last successful create or update */
    public List<StackOutput> outputs() {
        return outputs;
    }

    /** @return the events, oldest first */
    public List<StackEvent> events() {
        return events;
    }

    boolean isDeleted() {
        return "DELETE_COMPLETE".equals(status);
    }
}
