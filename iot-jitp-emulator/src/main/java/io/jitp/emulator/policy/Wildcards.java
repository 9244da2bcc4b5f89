package io.jitp.emulator.policy;

/**
 * IAM wildcard matching as AWS IoT applies it to actions and resources: {@code *} matches any run of characters
 * (including {@code /}), {@code ?} exactly one; everything else, MQTT {@code +} and {@code #} included, is literal.
 */
public final class Wildcards {

    private Wildcards() {
    }

    /**
     * @param pattern    a pattern with {@code *} and {@code ?}
     * @param text       the text to test
     * @param ignoreCase whether letters compare case-insensitively (IAM actions) or not (resources)
     * @return whether the whole text matches the pattern
     */
    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        // Greedy matching with a single backtrack point: linear in practice, no regex compilation per check.
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starT = t;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?'
                    || same(pattern.charAt(p), text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
