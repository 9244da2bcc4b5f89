package io.jitp.emulator.http;

/**
 * A request whose signature does not prove the configured credentials. AWS names the failure differently in
 * REST-JSON services (IoT) and query-protocol services (CloudFormation), so both codes are kept.
 */
public final class AuthenticationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String restCode;
    private final String queryCode;

    private AuthenticationFailure(String restCode, String queryCode, String message) {
        super(message);
        this.restCode = restCode;
        this.queryCode = queryCode;
    }

    /** @return the REST-JSON error code (x-amzn-ErrorType) */
    public String restCode() {
        return restCode;
    }

    /** @return the query-protocol error code */
    public String queryCode() {
        return queryCode;
    }

    static AuthenticationFailure missing() {
        return new AuthenticationFailure("MissingAuthenticationTokenException", "MissingAuthenticationToken",
                "Missing Authentication Token");
    }

    static AuthenticationFailure unknownAccessKey() {
        return new AuthenticationFailure("UnrecognizedClientException", "InvalidClientTokenId",
                "The security token included in the request is invalid.");
    }

    static AuthenticationFailure badSignature() {
        return new AuthenticationFailure("InvalidSignatureException", "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your AWS"
                        + " Secret Access Key and signing method. Consult the service documentation for details.");
    }

    static AuthenticationFailure incomplete(String why) {
        return new AuthenticationFailure("IncompleteSignatureException", "IncompleteSignature", why);
    }

    static AuthenticationFailure invalid(String why) {
        return new AuthenticationFailure("InvalidSignatureException", "SignatureDoesNotMatch", why);
    }
}
