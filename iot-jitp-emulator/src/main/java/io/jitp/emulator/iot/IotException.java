package io.jitp.emulator.iot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS IoT error as the service reports it: an error code (the {@code x-amzn-ErrorType} header), an HTTP
 * status and a message, plus the extra body fields some errors carry ({@code resourceId}, {@code resourceArn}).
 */
public class IotException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final int httpStatus;
    private final Map<String, String> details;

    /**
     * @param errorCode the AWS error code, e.g. {@code ResourceNotFoundException}
     * @param httpStatus the HTTP status the service answers with
     * @param message the human-readable message
     */
    public IotException(String errorCode, int httpStatus, String message) {
        this(errorCode, httpStatus, message, Map.of());
    }

    private IotException(String errorCode, int httpStatus, String message, Map<String, String> details) {
        super(message);
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
        this.details = Map.copyOf(details);
    }

    /** @return the AWS error code */
    public String errorCode() {
        return errorCode;
    }

    /** @return the HTTP status */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return extra fields of the error body besides {@code message} */
    public Map<String, String> details() {
        return details;
    }

    /** @param message what is wrong with the request @return a 400 InvalidRequestException */
    public static IotException invalidRequest(String message) {
        return new IotException("InvalidRequestException", 400, message);
    }

    /** @param message what was not found @return a 404 ResourceNotFoundException */
    public static IotException notFound(String message) {
        return new IotException("ResourceNotFoundException", 404, message);
    }

    /**
     * @param message what exists already
     * @param resourceId the existing resource's id
     * @param resourceArn the existing resource's ARN
     * @return a 409 ResourceAlreadyExistsException whose body names the existing resource
     */
    public static IotException alreadyExists(String message, String resourceId, String resourceArn) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("resourceId", resourceId);
        details.put("resourceArn", resourceArn);
        return new IotException("ResourceAlreadyExistsException", 409, message, details);
    }

    /** @param message the refused state transition @return a 406 CertificateStateException */
    public static IotException certificateState(String message) {
        return new IotException("CertificateStateException", 406, message);
    }

    /** @param message why the certificate is not acceptable @return a 400 CertificateValidationException */
    public static IotException certificateValidation(String message) {
        return new IotException("CertificateValidationException", 400, message);
    }

    /** @param message why the verification certificate's CN is wrong @return a 400 RegistrationCodeValidationException */
    public static IotException registrationCodeValidation(String message) {
        return new IotException("RegistrationCodeValidationException", 400, message);
    }

    /** @param message what still refers to the resource @return a 409 DeleteConflictException */
    public static IotException deleteConflict(String message) {
        return new IotException("DeleteConflictException", 409, message);
    }

    /** @param message which limit was hit @return a 410 LimitExceededException */
    public static IotException limitExceeded(String message) {
        return new IotException("LimitExceededException", 410, message);
    }

    /** @param message which policy has too many versions @return a 409 VersionsLimitExceededException */
    public static IotException versionsLimitExceeded(String message) {
        return new IotException("VersionsLimitExceededException", 409, message);
    }

    /** @param message why the document is not a policy @return a 400 MalformedPolicyException */
    public static IotException malformedPolicy(String message) {
        return new IotException("MalformedPolicyException", 400, message);
    }

    /** @param message the version mismatch @return a 409 VersionConflictException */
    public static IotException versionConflict(String message) {
        return new IotException("VersionConflictException", 409, message);
    }

    /** @param message what the caller may not see @return a 401 UnauthorizedException */
    public static IotException unauthorized(String message) {
        return new IotException("UnauthorizedException", 401, message);
    }
}
