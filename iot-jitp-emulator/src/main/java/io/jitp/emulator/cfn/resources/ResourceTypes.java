package io.jitp.emulator.cfn.resources;

import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.sqs.QueueService;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The resource types the stand-in can provision, by CloudFormation type name. */
public final class ResourceTypes {

    private final Map<String, ResourceProvisioner> provisioners = new TreeMap<>();

    /**
     * @return the types of the seed's stacks: IoT policies and topic rules in the registry, SQS queues in ElasticMQ,
     *         IAM roles and Lambda functions and event source mappings recorded only
     */
    public static ResourceTypes standIn(IotRegistry registry, QueueService queues) {
        return new ResourceTypes()
                .register("AWS::IAM::Role", new IamRoleProvisioner())
                .register("AWS::IoT::Policy", new IotPolicyProvisioner(registry))
                .register("AWS::IoT::TopicRule", new TopicRuleProvisioner(registry))
                .register("AWS::SQS::Queue", new SqsQueueProvisioner(queues))
                .register("AWS::Lambda::Function", new LambdaFunctionProvisioner())
                .register("AWS::Lambda::EventSourceMapping", new EventSourceMappingProvisioner());
    }

    /** Registers (or replaces) the provisioner of a type. */
    public ResourceTypes register(String type, ResourceProvisioner provisioner) {
        provisioners.put(type, provisioner);
        return this;
    }

    /** @return the provisioner of a type; an unsupported type fails the resource with a reason that names it */
    public ResourceProvisioner provisioner(String type) {
        ResourceProvisioner provisioner = provisioners.get(type);
        if (provisioner == null) {
            throw new ResourceFailure("Resource type " + type + " is not supported by the local stand-in (supported: "
                    + String.join(", ", provisioners.keySet()) + ")");
        }
        return provisioner;
    }

    /** @return the supported type names */
    public Set<String> names() {
        return provisioners.keySet();
    }
}
