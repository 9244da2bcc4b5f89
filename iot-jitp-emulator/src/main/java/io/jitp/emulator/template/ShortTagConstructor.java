package io.jitp.emulator.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads CloudFormation's YAML short tags ({@code !Ref}, {@code !Sub}, {@code !GetAtt}, …) as the long form
 * ({@code {"Ref": …}}, {@code {"Fn::Sub": …}}), so that the evaluator only knows one form; other tags become
 * {@code Fn::<Name>}. Timestamps stay strings:
 * a policy's {@code Version: 2012-10-17} must not turn into a date.
 */
final class ShortTagConstructor extends SafeConstructor {

    private static final Map<String, String> SHORT_TAGS = Map.of(
            "!Ref", "Ref", "!Sub", "Fn::Sub", "!GetAtt", "Fn::GetAtt", "!Join", "Fn::Join", "!Select", "Fn::Select",
            "!Split", "Fn::Split", "!FindInMap", "Fn::FindInMap", "!Base64", "Fn::Base64");

    ShortTagConstructor(LoaderOptions options) {
        super(options);
        SHORT_TAGS.forEach((tag, function) -> yamlConstructors.put(new Tag(tag), new LongForm(function)));
        // Any other tag (!If, !Equals, !ImportValue, …) becomes Fn::<Name>, which the evaluator then refuses by name.
        yamlMultiConstructors.put("!", new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
                return new LongForm("Fn::" + node.getTag().getValue().substring(1)).construct(node);
            }
        });
        yamlConstructors.put(Tag.TIMESTAMP, new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
                return constructScalar((ScalarNode) node);
            }
        });
    }

    /** Builds {@code {function: argument}} from a tagged scalar, sequence or mapping. */
    private final class LongForm extends AbstractConstruct {
        private final String function;

        LongForm(String function) {
            this.function = function;
        }

        @Override
        public Object construct(Node node) {
            Object argument;
            if (node instanceof ScalarNode scalar) {
                String text = constructScalar(scalar);
                argument = "Fn::GetAtt".equals(function) ? dottedAttribute(text) : text;
            } else if (node instanceof SequenceNode sequence) {
                argument = new ArrayList<>(constructSequence(sequence));
            } else {
                argument = constructMapping((MappingNode) node);
            }
            return Map.of(function, argument);
        }

        private Object dottedAttribute(String text) {
            int dot = text.indexOf('.');
            return dot > 0 ? List.of(text.substring(0, dot), text.substring(dot + 1)) : text;
        }
    }
}
