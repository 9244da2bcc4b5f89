package io.jitp.emulator.rules;

import java.util.ArrayList;
import java.util.List;

/** Splits topic-rule SQL into tokens: words, quoted strings, numbers, operators and punctuation. */
final class SqlTokenizer {

    /** Token kinds. */
    enum Kind { WORD, STRING, NUMBER, OPERATOR, OPEN, CLOSE, STAR, COMMA, END }

    /** One token; {@code text} of a STRING is its unquoted value. */
    record Token(Kind kind, String text) {
        boolean isKeyword(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }
    }

    private SqlTokenizer() {
    }

    /**
     * @param sql the statement
     * @return its tokens
     * @throws IllegalArgumentException on an unterminated string or an unexpected character
     */
    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                i = quoted(sql, i, tokens);
            } else if (Character.isDigit(c) || c == '-' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.NUMBER, sql.substring(i, end)));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end))
                        || sql.charAt(end) == '_' || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(i, end)));
                i = end;
            } else {
                i = symbol(sql, i, tokens);
            }
        }
        return tokens;
    }

    /** Reads a quoted string; a doubled quote inside stands for one quote, as in SQL. */
    private static int quoted(String sql, int start, List<Token> tokens) {
        char quote = sql.charAt(start);
        StringBuilder value = new StringBuilder();
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                value.append(quote);
                i += 2;
            } else if (c == quote) {
                tokens.add(new Token(Kind.STRING, value.toString()));
                return i + 1;
            } else {
                value.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unterminated string starting at position " + start + " in: " + sql);
    }

    private static int symbol(String sql, int i, List<Token> tokens) {
        String two = sql.length() > i + 1 ? sql.substring(i, i + 2) : "";
        if (two.equals("<>") || two.equals("!=") || two.equals("<=") || two.equals(">=")) {
            tokens.add(new Token(Kind.OPERATOR, two));
            return i + 2;
        }
        char c = sql.charAt(i);
        Kind kind = switch (c) {
            case '=', '<', '>' -> Kind.OPERATOR;
            case '(' -> Kind.OPEN;
            case ')' -> Kind.CLOSE;
            case '*' -> Kind.STAR;
            case ',' -> Kind.COMMA;
            default -> throw new IllegalArgumentException(
                    "unexpected character '" + c + "' at position " + i + " in: " + sql);
        };
        tokens.add(new Token(kind, String.valueOf(c)));
        return i + 1;
    }
}
