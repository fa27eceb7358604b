package dev.plumbline.renderer.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.renderer.failure.RenderFailure;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestParserTest {

    @Test
    void readsEveryDocumentOfAFileAndSkipsEmptyOnes() {
        String text = "---\n# only a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n"
                + "apiVersion: v1\nkind: Secret\nmetadata:\n  name: b\n---\n";

        List<SourceObject> objects = ManifestParser.parse(text, "x.yaml", "x.yaml", null);

        assertThat(objects)
                .extracting(object -> object.body().get("kind").asText())
                .containsExactly("ConfigMap", "Secret");
        assertThat(objects).extracting(SourceObject::line).containsExactly(4, 9);
        assertThat(objects.get(0).origin()).isEqualTo("x.yaml line 4");
    }

    @Test
    void flattensListsAndListKindsIntoTheirItems() {
        String text = "apiVersion: v1\nkind: ConfigMapList\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n"
                + "  metadata: {name: a}\n- apiVersion: v1\n  kind: List\n  items:\n  - apiVersion: v1\n"
                + "    kind: Secret\n    metadata: {name: b}\n";

        assertThat(ManifestParser.parse(text, "list.yaml", "list.yaml", null))
                .extracting(object -> object.body().get("metadata").get("name").asText())
                .containsExactly("a", "b");
    }

    @Test
    void readsJsonFilesAsJson() {
        String text = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}}";

        assertThat(ManifestParser.parse(text, "a.json", "a.json", null)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a tab where indentation belongs|apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n\\tname: a\\n|4",
                "a key given twice|apiVersion: v1\\nkind: ConfigMap\\nkind: Secret\\n|3",
                "a list instead of an object|- a\\n- b\\n|1",
                "an object without a kind|apiVersion: v1\\nmetadata: {name: a}\\n|1",
            })
    void rejectsWhatIsNotAKubernetesObjectNamingTheFileAndLine(String what, String text, int line) {
        assertThatThrownBy(() -> ManifestParser.parse(
                        text.replace("\\n", "\n").replace("\\t", "\t"), "apps/x.yaml", "apps/x.yaml", null))
                .isInstanceOfSatisfying(RenderFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(RenderFailureReason.INVALID_MANIFEST);
                    assertThat(failure.file()).isEqualTo("apps/x.yaml");
                    assertThat(failure.line()).isEqualTo(line);
                    assertThat(failure.getMessage()).startsWith("apps/x.yaml line " + line + ": ");
                });
    }
}
