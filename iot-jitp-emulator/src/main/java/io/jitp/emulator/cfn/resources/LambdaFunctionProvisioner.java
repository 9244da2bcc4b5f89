package io.jitp.emulator.cfn.resources;

import java.util.Map;

/** {@code AWS::Lambda::Function}: recorded only, because the stand-in does not run Lambda code. */
public final class LambdaFunctionProvisioner implements ResourceProvisioner {

    static final String NOT_RUN = "Recorded only: the local stand-in does not run Lambda code";

    @Override
    public ProvisionedResource create(ResourceRequest request) {
        String name = request.nameOrGenerated("FunctionName", 64);
        return new ProvisionedResource(name, Map.of(
                "Arn", "arn:aws:lambda:" + request.region() + ":" + request.accountId() + ":function:" + name), NOT_RUN);
    }

    @Override
    public void delete(String physicalId, ResourceRequest request) {
        // Nothing exists outside the stack's record.
    }
}
