package io.jitp.emulator.http;

import java.util.UUID;

/**
 * STS {@code GetCallerIdentity} in front of the query-protocol handler (CloudFormation): clients targeting AWS ask
 * it for the account id, so the {@code aws} code path runs unchanged against the stand-in.
 */
public final class CallerIdentity {
    private final String accountId;
    private final String accessKeyId;

    /**
     * @param accountId   the stand-in's account
     * @param accessKeyId the access key clients sign with
     */
    public CallerIdentity(String accountId, String accessKeyId) {
        this.accountId = accountId;
        this.accessKeyId = accessKeyId;
    }

    /**
     * @param next the handler of every other action, or null
     * @return a handler answering GetCallerIdentity and passing the rest to {@code next}
     */
    public QueryProtocolHandler wrapping(QueryProtocolHandler next) {
        return form -> "GetCallerIdentity".equals(form.get("Action")) ? reply()
                : next == null ? AwsErrors.xml(400, "InvalidAction", "The action " + form.get("Action")
                + " is not valid for this web service.") : next.handle(form);
    }

    private HttpReply reply() {
        return HttpReply.xml(200, "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Arn>arn:aws:iam::" + accountId + ":user/iot-jitp-stand-in</Arn>"
                + "<UserId>" + accessKeyId + "</UserId><Account>" + accountId + "</Account>"
                + "</GetCallerIdentityResult><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></GetCallerIdentityResponse>");
    }
}
