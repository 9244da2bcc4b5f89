package io.jitp.core.stacks;

import io.jitp.core.InvalidInputException;

/**
 * A stack operation ended in a failed or rolled-back state; the message names the failing resource and
 * CloudFormation's reason (usually a template or permission mistake the user fixes).
 */
public class StackFailedException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /** @param message the stack, its status, the failing resource and the reason */
    public StackFailedException(String message) {
        super(message);
    }
}
