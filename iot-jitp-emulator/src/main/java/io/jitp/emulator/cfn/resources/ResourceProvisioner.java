package io.jitp.emulator.cfn.resources;

/** Creates, updates and deletes the resources of one CloudFormation resource type. */
public interface ResourceProvisioner {

    /**
     * @return the provisioned resource
     * @throws ResourceFailure with the reason CloudFormation shows on the {@code CREATE_FAILED} event
     */
    ProvisionedResource create(ResourceRequest request);

    /**
     * Applies changed properties. The default replaces the resource (delete, then create), which suits resources
     * the stand-in only records.
     *
     * @param physicalId the resource's current physical id
     */
    default ProvisionedResource update(String physicalId, ResourceRequest request) {
        delete(physicalId, request);
        return create(request);
    }

    /**
     * Deletes the resource; one that is already gone counts as deleted, as in CloudFormation.
     *
     * @param physicalId the resource's physical id
     * @param request    its last properties
     */
    void delete(String physicalId, ResourceRequest request);
}
