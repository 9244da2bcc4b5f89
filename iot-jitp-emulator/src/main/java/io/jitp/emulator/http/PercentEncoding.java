package io.jitp.emulator.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Percent-decoding that, unlike {@link java.net.URLDecoder}, can keep {@code +} as itself. */
public final class PercentEncoding {
    private PercentEncoding() {
    }

    /**
     * @param text percent-encoded text
     * @param plusIsSpace whether {@code +} decodes to a space
     * @return the decoded text (UTF-8)
     * @throws IllegalArgumentException on a malformed escape
     */
    public static String decode(String text, boolean plusIsSpace) {
        if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("Malformed percent-encoding in " + text);
                }
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            byte[] utf8 = (c == '+' && plusIsSpace ? " " : Character.toString(c)).getBytes(StandardCharsets.UTF_8);
            bytes.write(utf8, 0, utf8.length);
            i += Character.charCount(c);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
