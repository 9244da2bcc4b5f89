package io.jitp.core.aws;

import io.jitp.core.InvalidInputException;

import java.util.Locale;

/** Where the AWS-facing goals send their calls: the local stand-in (default) or a real AWS account. */
public enum Target {
    /** The local stand-in for AWS IoT Core, started on demand. */
    LOCAL,
    /** A real AWS account, reached with the user's credentials. */
    AWS;

    /**
     * @param value    {@code local} or {@code aws}, in any case
     * @param property the property that held it, for the error message
     * @return the target
     * @throws InvalidInputException for any other value
     */
    public static Target parse(String value, String property) {
        String name = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        for (Target target : values()) {
            if (target.name().equals(name)) {
                return target;
            }
        }
        throw new InvalidInputException(property + " is '" + value + "'; use local (the stand-in, the default) or"
                + " aws (a real account), e.g. -D" + property + "=aws");
    }
}
