package io.jitp.core.aws;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Puts the operation's name in front of the message of every error that reaches the caller (after the SDK's retries
 * gave up): the SDK's own messages name the service, not the call, and "Iot call failed" alone does not tell a
 * release engineer whether creating a thing or attaching its policy broke.
 */
final class OperationNaming implements ExecutionInterceptor {
    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable failure = context.exception();
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (operation == null) {
            return failure;
        }
        String prefix = operation + ": ";
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                && !String.valueOf(service.awsErrorDetails().errorMessage()).startsWith(prefix)) {
            AwsErrorDetails details = service.awsErrorDetails();
            return service.toBuilder().message(prefix + details.errorMessage()).awsErrorDetails(details.toBuilder()
                    .errorMessage(prefix + details.errorMessage()).build()).build();
        }
        if (failure instanceof SdkClientException client && !String.valueOf(client.getMessage()).startsWith(prefix)) {
            return client.toBuilder().message(prefix + client.getMessage()).build();
        }
        return failure;
    }
}
