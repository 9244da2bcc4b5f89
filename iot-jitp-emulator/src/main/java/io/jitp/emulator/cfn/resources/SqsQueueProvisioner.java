package io.jitp.emulator.cfn.resources;

import io.jitp.emulator.sqs.QueueService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code AWS::SQS::Queue}: a real ElasticMQ queue. {@code Ref} is the queue URL; {@code Arn}, {@code QueueName}
 * and {@code QueueUrl} are attributes, as in CloudFormation.
 */
public final class SqsQueueProvisioner implements ResourceProvisioner {

    private static final Set<String> QUEUE_ATTRIBUTES = Set.of("DelaySeconds", "MaximumMessageSize",
            "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout", "FifoQueue",
            "ContentBasedDeduplication");

    private final QueueService queues;

    /** @param queues the stand-in's SQS */
    public SqsQueueProvisioner(QueueService queues) {
        this.queues = queues;
    }

    @Override
    public ProvisionedResource create(ResourceRequest request) {
        boolean fifo = "true".equalsIgnoreCase(request.string("FifoQueue"));
        String name = request.string("QueueName") != null ? request.string("QueueName")
                : request.nameOrGenerated("QueueName", fifo ? 75 : 80) + (fifo ? ".fifo" : "");
        try {
            return provisioned(queues.createQueue(name, attributes(request)));
        } catch (RuntimeException e) {
            throw new ResourceFailure("Queue " + name + " could not be created: " + e.getMessage(), e);
        }
    }

    /** Same name: the attributes change in place and the messages stay, as in SQS; a new name replaces the queue. */
    @Override
    public ProvisionedResource update(String physicalId, ResourceRequest request) {
        String name = request.string("QueueName");
        if (name != null && !name.equals(QueueService.queueName(physicalId))) {
            ProvisionedResource replacement = create(request);
            delete(physicalId, request);
            return replacement;
        }
        queues.setQueueAttributes(physicalId, attributes(request));
        return provisioned(queues.queueUrl(QueueService.queueName(physicalId)));
    }

    private ProvisionedResource provisioned(String url) {
        return new ProvisionedResource(url, Map.of("Arn", queues.queueArn(url), "QueueName", QueueService.queueName(url),
                "QueueUrl", url));
    }

    private static Map<String, String> attributes(ResourceRequest request) {
        Map<String, String> attributes = new LinkedHashMap<>();
        request.properties().forEach((key, value) -> {
            if (QUEUE_ATTRIBUTES.contains(key)) {
                attributes.put(key, String.valueOf(value));
            }
        });
        return attributes;
    }

    @Override
    public void delete(String physicalId, ResourceRequest request) {
        if (queues.queueNames().contains(QueueService.queueName(physicalId))) {
            queues.deleteQueue(physicalId);
        }
    }
}
