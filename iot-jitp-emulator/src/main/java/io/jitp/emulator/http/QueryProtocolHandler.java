package io.jitp.emulator.http;

import java.util.Map;

/**
 * Serves AWS query-protocol requests ({@code POST /}, form-encoded {@code Action=…&Version=…}), e.g.
 * CloudFormation. The front door has already verified the request's signature.
 */
public interface QueryProtocolHandler {
    /**
     * @param form the decoded form fields, including {@code Action} and {@code Version}
     * @return the reply (XML, errors as {@code <ErrorResponse>})
     */
    HttpReply handle(Map<String, String> form);
}
