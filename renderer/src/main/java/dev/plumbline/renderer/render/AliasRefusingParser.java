package dev.plumbline.renderer.render;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * Refuses YAML aliases ({@code *name}). Jackson does not expand them: it reads an alias as the text of its anchor's
 * name, so {@code <<: *defaults} or {@code [*a, *a]} would render silently wrong values. Refusing them also keeps a
 * billion-laughs chain of anchors from ever being expanded, by anything downstream.
 */
final class AliasRefusingParser extends JsonParserDelegate {

    AliasRefusingParser(JsonParser yaml) {
        super(yaml);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return refusingAliases(super.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        return refusingAliases(super.nextValue());
    }

    private JsonToken refusingAliases(JsonToken token) throws IOException {
        if (delegate() instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new JsonParseException(
                    this,
                    "the YAML alias *" + yaml.getText() + " refers to an anchor; Plumbline does not expand YAML"
                            + " anchors and aliases (nor <<: merge keys): write the values out in full");
        }
        return token;
    }
}
