package dev.plumbline.engine.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestParserTest {

    private final ManifestParser parser = new ManifestParser();

    @Test
    void everyDocumentBecomesAnObjectWithItsIdentityAndFile() {
        List<RenderedObject> objects = parser.parse("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                ---
                # a comment-only document is skipped
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  namespace: shop
                """, "apps/web.yaml");

        assertThat(objects)
                .extracting(RenderedObject::identity)
                .containsExactly(
                        ObjectIdentity.clusterScoped("v1", "Namespace", "shop"),
                        ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web"));
        assertThat(objects).extracting(RenderedObject::sourcePath).containsOnly("apps/web.yaml");
    }

    @Test
    void jsonAndListsAreReadToo() {
        List<RenderedObject> objects = parser.parse("""
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "namespace": "shop"}},
                  {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b", "namespace": "shop"}}]}
                """, null);

        assertThat(objects).extracting(object -> object.identity().name()).containsExactly("a", "b");
    }

    @Test
    void yamlOneOneOctalReadsAsKubectlReadsIt() {
        RenderedObject object = parser.parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: modes}
                spec: {defaultMode: 0644}
                """, null).get(0);

        assertThat(object.body().path("spec").path("defaultMode").asInt()).isEqualTo(420);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            'apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: a}\\n---\\napiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: b\\n'  | document 2 (line 7) | malformed YAML names the document and the line
            'apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: a}\\n---\\napiVersion: v1\\nkind: ConfigMap\\nmetadata: {}\\n'     | document 2 (line 5): missing metadata.name in ConfigMap | an object without a name names the document and what is missing
            'kind: ConfigMap\\nmetadata: {name: a}\\n'                                                                             | document 1 (line 1): missing apiVersion | an object without apiVersion is refused
            'apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: a}\\n---\\napiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: a}\\n' | document 2 (line 5): repeats ConfigMap v1 a of document 1 | a repeated object is refused
            'apiVersion: v1\\nkind: ConfigMap\\nkind: Secret\\nmetadata: {name: a}\\n'                                            | document 1 (line 3) | a repeated key is refused
            'apiVersion: v1\\nkind: Pod\\nmetadata: {generateName: web-}\\n'                                                     | generateName is not supported | a generated name is refused with the reason
            """)
    void malformedInputIsRefusedWithItsPlace(String text, String expected, String sentence) {
        assertThatThrownBy(() -> parser.parse(text.replace("\\n", "\n"), "web.yaml"))
                .isInstanceOf(ManifestParseException.class)
                .hasMessageStartingWith("web.yaml: ")
                .hasMessageContaining(expected);
    }
}
