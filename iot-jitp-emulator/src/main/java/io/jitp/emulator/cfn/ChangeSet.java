package io.jitp.emulator.cfn;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A change set of a stack: the template and parameters to apply, and the changes they would make. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class ChangeSet {

    String id;
    String name;
    String type;
    String description;
    String status;
    String statusReason;
    String executionStatus;
    String templateBody;
    Map<String, String> parameters = new LinkedHashMap<>();
    List<String> capabilities = new ArrayList<>();
    List<ResourceChange> changes = new ArrayList<>();
    Instant creationTime;
}
