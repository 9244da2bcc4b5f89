package io.jitp.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A complete HTTP answer.
 *
 * @param status the HTTP status
 * @param contentType the Content-Type, or null when there is no body
 * @param headers extra headers (e.g. {@code x-amzn-ErrorType})
 * @param body the body, possibly empty
 */
public record HttpReply(int status, String contentType, Map<String, String> headers, byte[] body) {
    /** Copies the headers. */
    public HttpReply {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /**
     * @param status the HTTP status
     * @param xml the XML document
     * @return an XML reply (the query protocol's)
     */
    public static HttpReply xml(int status, String xml) {
        return new HttpReply(status, "text/xml", Map.of(), xml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param status the HTTP status
     * @param json the JSON document
     * @return a JSON reply (REST-JSON's)
     */
    public static HttpReply json(int status, String json) {
        return new HttpReply(status, "application/json", Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    /** @param name a header @param value its value @return this reply with the header added */
    public HttpReply withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpReply(status, contentType, more, body);
    }
}
