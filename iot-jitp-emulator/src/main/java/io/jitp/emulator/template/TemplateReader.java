package io.jitp.emulator.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a template body, JSON or YAML, into a tree of maps (insertion ordered), lists and scalars. YAML short tags
 * become the long form (see {@link ShortTagConstructor}).
 */
public final class TemplateReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateReader() {
    }

    /**
     * @param body the template text
     * @return its top-level map
     * @throws TemplateException if the text is neither valid JSON nor valid YAML, or is not a map
     */
    public static Map<String, Object> read(String body) {
        if (body == null || body.isBlank()) {
            throw new TemplateException("Template body is empty");
        }
        Object tree = body.stripLeading().startsWith("{") ? readJson(body) : readYaml(body);
        if (!(tree instanceof Map<?, ?> map)) {
            throw new TemplateException("Template format error: the template must be a JSON object or YAML mapping");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    private static Object readJson(String body) {
        try {
            return JSON.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw new TemplateException("Template format error: JSON not well-formed. " + e.getOriginalMessage(), e);
        }
    }

    private static Object readYaml(String body) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Yaml yaml = new Yaml(new ShortTagConstructor(options));
            // CloudFormation refuses aliases; accepting them would let `a: &x [*x]` build a tree that contains
            // itself (endless evaluation) or a few lines expand into billions of nodes.
            for (Event event : yaml.parse(new StringReader(body))) {
                if (event instanceof AliasEvent alias) {
                    throw new TemplateException("Template format error: YAML aliases are not allowed in "
                            + "CloudFormation templates" + where(event) + "; repeat the value instead of *"
                            + alias.getAnchor());
                }
            }
            return yaml.load(body);
        } catch (YAMLException e) {
            throw new TemplateException("Template format error: YAML not well-formed. " + e.getMessage(), e);
        }
    }

    private static String where(Event event) {
        return event.getStartMark() == null ? "" : " (line " + (event.getStartMark().getLine() + 1) + ")";
    }
}
