package io.jitp.emulator.template;

/**
 * A template that cannot be read or evaluated. The message is meant for the user as it stands: CloudFormation
 * returns it as a ValidationError or resource failure reason, the JITP runner logs it as the provisioning failure.
 */
public class TemplateException extends RuntimeException {

    /** @param message what is wrong, naming the resource, parameter or function concerned */
    public TemplateException(String message) {
        super(message);
    }

    /** @param message what is wrong; @param cause the parser's own error */
    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
