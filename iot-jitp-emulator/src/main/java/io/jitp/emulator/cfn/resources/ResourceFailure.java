package io.jitp.emulator.cfn.resources;

/** A resource that could not be created, updated or deleted; the message becomes the event's status reason. */
public class ResourceFailure extends RuntimeException {

    /** @param reason the status reason shown in the stack's events */
    public ResourceFailure(String reason) {
        super(reason);
    }

    /** @param reason the status reason; @param cause the underlying error */
    public ResourceFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
