package io.jitp.emulator.cfn;

/**
 * A query-protocol reply: HTTP status and XML body ({@code text/xml}).
 *
 * @param status HTTP status
 * @param body   the XML document
 */
public record QueryReply(int status, String body) {
}
