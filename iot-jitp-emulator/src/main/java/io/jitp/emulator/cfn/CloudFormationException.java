package io.jitp.emulator.cfn;

/** A CloudFormation API error: the error code, HTTP status and message of the query-protocol error XML. */
public class CloudFormationException extends RuntimeException {

    private final String code;
    private final int httpStatus;

    /**
     * @param code       the AWS error code, such as {@code ValidationError}
     * @param httpStatus the HTTP status of the reply
     * @param message    the message clients show
     */
    public CloudFormationException(String code, int httpStatus, String message) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** @return a {@code ValidationError} (HTTP 400), CloudFormation's answer to most bad requests */
    public static CloudFormationException validation(String message) {
        return new CloudFormationException("ValidationError", 400, message);
    }

    /** @return the AWS error code */
    public String code() {
        return code;
    }

    /** @return the HTTP status */
    public int httpStatus() {
        return httpStatus;
    }
}
