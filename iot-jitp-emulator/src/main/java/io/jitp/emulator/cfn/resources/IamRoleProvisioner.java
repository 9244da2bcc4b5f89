package io.jitp.emulator.cfn.resources;

import java.util.Map;
import java.util.UUID;

/**
 * {@code AWS::IAM::Role}: recorded, not enforced (the stand-in has no IAM). {@code Ref} is the role name,
 * {@code Arn} is {@code arn:aws:iam::<account>:role/<path><name>}, as the seed's CA registration expects.
 */
public final class IamRoleProvisioner implements ResourceProvisioner {

    @Override
    public ProvisionedResource create(ResourceRequest request) {
        String name = request.nameOrGenerated("RoleName", 64);
        String path = request.string("Path") == null ? "/" : request.string("Path");
        String roleId = "AROA" + UUID.randomUUID().toString().replace("-", "").substring(0, 17).toUpperCase();
        return new ProvisionedResource(name, Map.of(
                "Arn", "arn:aws:iam::" + request.accountId() + ":role" + path + name, "RoleId", roleId),
                "Recorded only: the local stand-in does not enforce IAM");
    }

    @Override
    public void delete(String physicalId, ResourceRequest request) {
        // Nothing exists outside the stack's record.
    }
}
