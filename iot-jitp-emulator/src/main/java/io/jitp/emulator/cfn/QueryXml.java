package io.jitp.emulator.cfn;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes CloudFormation's query-protocol XML: {@code <OpResponse xmlns="…/2010-05-15/"><OpResult>…} with lists as
 * {@code <member>} elements (errors use {@link io.jitp.emulator.http.AwsErrors#xml}).
 */
final class QueryXml {

    static final String NAMESPACE = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private final StringBuilder xml = new StringBuilder();

    /** Builds {@code <ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>…} around {@code result}. */
    static String response(String action, Consumer<QueryXml> result) {
        QueryXml writer = new QueryXml();
        writer.xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(action)
                .append("Response xmlns=\"").append(NAMESPACE).append("\">");
        writer.element(action + "Result", result);
        writer.element("ResponseMetadata", metadata -> metadata.text("RequestId", UUID.randomUUID().toString()));
        writer.xml.append("</").append(action).append("Response>");
        return writer.xml.toString();
    }

    /** Writes {@code <name>value</name>}; a {@code null} value writes nothing, as AWS omits absent members. */
    QueryXml text(String name, Object value) {
        if (value != null) {
            xml.append('<').append(name).append('>').append(escape(value instanceof Instant instant
                    ? instant.toString() : String.valueOf(value))).append("</").append(name).append('>');
        }
        return this;
    }

    /** Writes a nested element. */
    QueryXml element(String name, Consumer<QueryXml> content) {
        xml.append('<').append(name).append('>');
        content.accept(this);
        xml.append("</").append(name).append('>');
        return this;
    }

    /** Writes a list as {@code <name><member>…</member>…</name>}. */
    <T> QueryXml members(String name, Collection<T> items, BiConsumer<QueryXml, T> member) {
        return element(name, list -> items.forEach(item -> list.element("member", m -> member.accept(m, item))));
    }

    /** Writes a list of strings as {@code <name><member>text</member>…</name>}. */
    QueryXml strings(String name, Collection<String> items) {
        return element(name, list -> items.forEach(item -> list.text("member", item)));
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\r' -> escaped.append("&#13;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
