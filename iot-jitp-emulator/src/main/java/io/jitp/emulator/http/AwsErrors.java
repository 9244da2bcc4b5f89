package io.jitp.emulator.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The two shapes in which AWS services report errors: REST-JSON (IoT) and query-protocol XML. */
public final class AwsErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsErrors() {
    }

    /**
     * @param status the HTTP status
     * @param code the error code, sent as {@code x-amzn-ErrorType}
     * @param message the message
     * @param details extra body fields
     * @return a REST-JSON error: header {@code x-amzn-ErrorType} and body {@code {"message": …}}
     */
    public static HttpReply json(int status, String code, String message, Map<String, String> details) {
        ObjectNode body = JSON.createObjectNode().put("message", message);
        details.forEach(body::put);
        return HttpReply.json(status, body.toString()).withHeader("x-amzn-ErrorType", code);
    }

    /**
     * @param status the HTTP status
     * @param code the error code
     * @param message the message
     * @return a query-protocol error: {@code <ErrorResponse><Error><Type>Sender</Type><Code>…}
     */
    public static HttpReply xml(int status, String code, String message) {
        String type = status >= 500 ? "Receiver" : "Sender";
        return HttpReply.xml(status, "<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                + "<Error><Type>" + type + "</Type><Code>" + escape(code) + "</Code><Message>" + escape(message)
                + "</Message></Error><RequestId>" + java.util.UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }

    /** @param text any text @return it escaped for XML content and attributes */
    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
