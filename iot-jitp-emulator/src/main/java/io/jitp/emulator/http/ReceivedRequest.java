package io.jitp.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request exactly as received, which signature verification needs (raw path and query, headers).
 *
 * @param method the HTTP method
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query as sent, or null
 * @param headers header values by lowercase name
 * @param body the body bytes
 */
public record ReceivedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        byte[] body) {

    /** @param name a header name, any case @return its values joined with commas, or null */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    /** @return the query parameters, percent-decoded; a repeated name keeps its first value */
    public Map<String, String> queryParameters() {
        return decodeForm(rawQuery, false);
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * @param encoded {@code a=1&b=2}, or null
     * @param plusIsSpace whether {@code +} means a space (HTML forms) or itself (SigV4 canonical query strings)
     * @return the decoded pairs in order; a repeated name keeps its first value
     */
    public static Map<String, String> decodeForm(String encoded, boolean plusIsSpace) {
        Map<String, String> first = new LinkedHashMap<>();
        decodeAll(encoded, plusIsSpace).forEach((name, values) -> first.put(name, values.get(0)));
        return first;
    }

    /**
     * @param encoded {@code a=1&a=2&b=3}, or null
     * @param plusIsSpace whether {@code +} means a space
     * @return every value of every name, in order (a canonical query string needs them all)
     */
    public static Map<String, List<String>> decodeAll(String encoded, boolean plusIsSpace) {
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = PercentEncoding.decode(equals < 0 ? pair : pair.substring(0, equals), plusIsSpace);
            String value = equals < 0 ? "" : PercentEncoding.decode(pair.substring(equals + 1), plusIsSpace);
            pairs.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return pairs;
    }
}
