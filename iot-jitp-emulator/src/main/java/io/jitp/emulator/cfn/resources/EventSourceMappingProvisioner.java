package io.jitp.emulator.cfn.resources;

import java.util.Map;
import java.util.UUID;

/**
 * {@code AWS::Lambda::EventSourceMapping}: recorded only. Since no Lambda runs, messages stay in the source queue
 * (as they do in AWS when the mapping is disabled), where tests and tools can read them.
 */
public final class EventSourceMappingProvisioner implements ResourceProvisioner {

    @Override
    public ProvisionedResource create(ResourceRequest request) {
        request.requiredString("FunctionName");
        return new ProvisionedResource(UUID.randomUUID().toString(), Map.of(),
                LambdaFunctionProvisioner.NOT_RUN + ", so messages stay in the source queue");
    }

    @Override
    public void delete(String physicalId, ResourceRequest request) {
        // Nothing exists outside the stack's record.
    }
}
