package io.jitp.emulator.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Assertions on errors as the AWS SDK reports them: the modelled exception class, error code and HTTP status. */
public final class AwsErrorAssertions {
    private AwsErrorAssertions() {
    }

    /**
     * @param type the exception class the SDK maps the error code to
     * @param status the expected HTTP status
     * @param call the call that must fail
     * @param <T> the exception type
     * @return the exception, for further checks
     */
    public static <T extends AwsServiceException> T assertAwsError(Class<T> type, int status, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(status, e.statusCode(), e.getMessage());
        String expectedCode = type.getSimpleName();
        if (!expectedCode.equals("IotException")) {
            assertEquals(expectedCode, e.awsErrorDetails().errorCode());
        }
        return e;
    }

    /**
     * @param code the expected error code
     * @param status the expected status
     * @param call the call that must fail
     * @return the exception
     */
    public static AwsServiceException assertAwsErrorCode(String code, int status, Executable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(status, e.statusCode());
        return e;
    }
}
