package io.jitp.emulator.iot.rest;

import io.jitp.emulator.iot.IotException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Pagination of list operations (pageSize/marker or maxResults/nextToken). Tokens are opaque to clients; here
 * they carry the offset of the next item.
 */
final class Pages {
    private static final String PREFIX = "offset:";

    private Pages() {
    }

    /**
     * One page of a list.
     *
     * @param items the page's items
     * @param next the token of the next page, or null on the last page
     * @param <T> the item type
     */
    record Page<T>(List<T> items, String next) {
    }

    static <T> Page<T> of(List<T> all, Integer size, String token, int defaultSize) {
        int from = token == null || token.isEmpty() ? 0 : offset(token, all.size());
        int limit = size == null ? defaultSize : size;
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), to < all.size() ? encode(to) : null);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, int size) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0 && offset <= size) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw IotException.invalidRequest("The pagination token " + token + " is not valid");
    }
}
