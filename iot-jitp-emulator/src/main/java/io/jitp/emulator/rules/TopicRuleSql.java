package io.jitp.emulator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jitp.emulator.mqtt.AwsTopics;
import io.jitp.emulator.rules.SqlTokenizer.Kind;
import io.jitp.emulator.rules.SqlTokenizer.Token;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The subset of AWS IoT SQL the stand-in runs: {@code SELECT * FROM '<topic filter>'} with an optional
 * {@code WHERE} of comparisons ({@code = <> != < > <= >=}) between JSON fields and string, number or boolean
 * literals, combined with {@code AND}, {@code OR}, {@code NOT} and parentheses.
 *
 * @param topicFilter the {@code FROM} topic filter
 * @param where       the condition, if any
 */
public record TopicRuleSql(String topicFilter, Optional<SqlCondition> where) {

    /**
     * @param sql the rule's SQL statement
     * @return the parsed statement
     * @throws IllegalArgumentException naming what the stand-in does not support or what is malformed
     */
    public static TopicRuleSql parse(String sql) {
        return new Parser(sql, SqlTokenizer.tokenize(sql)).statement();
    }

    /**
     * @param topic   the topic a message was published on
     * @param payload the message payload (JSON when the rule has a {@code WHERE})
     * @return whether the rule fires for the message; a non-JSON payload never satisfies a {@code WHERE}
     */
    public boolean matches(String topic, JsonNode payload) {
        return AwsTopics.matches(topicFilter, topic) && where.map(condition -> payload != null
                && condition.test(payload)).orElse(true);
    }

    /** Recursive descent over the tokens: OR binds looser than AND, AND looser than NOT. */
    private static final class Parser {
        private final String sql;
        private final List<Token> tokens;
        private int next;

        Parser(String sql, List<Token> tokens) {
            this.sql = sql;
            this.tokens = tokens;
        }

        TopicRuleSql statement() {
            expectKeyword("SELECT");
            if (peek().kind() != Kind.STAR) {
                throw error("only SELECT * is supported");
            }
            next++;
            expectKeyword("FROM");
            Token from = take();
            if (from.kind() != Kind.STRING) {
                throw error("FROM must be followed by a quoted topic filter");
            }
            AwsTopics.topicFilterProblem(from.text()).ifPresent(problem -> {
                throw error(problem);
            });
            Optional<SqlCondition> where = Optional.empty();
            if (next < tokens.size()) {
                expectKeyword("WHERE");
                where = Optional.of(or());
            }
            if (next < tokens.size()) {
                throw error("unexpected '" + peek().text() + "'");
            }
            return new TopicRuleSql(from.text(), where);
        }

        private SqlCondition or() {
            SqlCondition left = and();
            while (peek().isKeyword("OR")) {
                next++;
                left = new SqlCondition.Or(left, and());
            }
            return left;
        }

        private SqlCondition and() {
            SqlCondition left = not();
            while (peek().isKeyword("AND")) {
                next++;
                left = new SqlCondition.And(left, not());
            }
            return left;
        }

        private SqlCondition not() {
            if (peek().isKeyword("NOT")) {
                next++;
                return new SqlCondition.Not(not());
            }
            if (peek().kind() == Kind.OPEN) {
                next++;
                SqlCondition inner = or();
                if (take().kind() != Kind.CLOSE) {
                    throw error("missing ')'");
                }
                return inner;
            }
            SqlOperand left = operand();
            Token operator = take();
            if (operator.kind() != Kind.OPERATOR) {
                throw error("expected a comparison operator, found '" + operator.text() + "'");
            }
            return new SqlCondition.Comparison(left, operator.text(), operand());
        }

        private SqlOperand operand() {
            Token token = take();
            return switch (token.kind()) {
                case STRING -> new SqlOperand.Literal(TextNode.valueOf(token.text()));
                case NUMBER -> new SqlOperand.Literal(DecimalNode.valueOf(number(token.text())));
                case WORD -> token.isKeyword("true") || token.isKeyword("false")
                        ? new SqlOperand.Literal(BooleanNode.valueOf(Boolean.parseBoolean(token.text())))
                        : new SqlOperand.Field(token.text());
                default -> throw error("expected a field or a literal, found '" + token.text() + "'");
            };
        }

        private BigDecimal number(String text) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw error("malformed number '" + text + "'");
            }
        }

        private void expectKeyword(String keyword) {
            if (!take().isKeyword(keyword)) {
                throw error("expected " + keyword);
            }
        }

        private Token peek() {
            return next < tokens.size() ? tokens.get(next) : new Token(Kind.END, "end of statement");
        }

        private Token take() {
            Token token = peek();
            next++;
            return token;
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("Unsupported or malformed topic rule SQL (" + problem + "): " + sql);
        }
    }
}
