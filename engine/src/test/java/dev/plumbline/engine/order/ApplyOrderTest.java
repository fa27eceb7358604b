package dev.plumbline.engine.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.engine.object.ManifestParser;
import dev.plumbline.engine.testing.GoldenFiles;
import dev.plumbline.events.manifest.RenderedObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyOrderTest {

    private final List<RenderedObject> scrambled = GoldenFiles.desired("order");

    @Test
    void namespacesAndCrdsComeFirstThenWavesThenKindsThenNames() {
        List<String> applied = ApplyOrder.forApply(scrambled).stream()
                .map(ApplyOrderTest::label)
                .toList();

        assertThat(applied).containsExactlyElementsOf(expected());
    }

    @Test
    void prunesGoInExactlyTheReverseOrder() {
        List<JsonNode> live = new ArrayList<>(
                scrambled.stream().map(object -> (JsonNode) object.body()).toList());

        List<String> pruned = ApplyOrder.forPrune(live).stream()
                .map(body -> body.path("kind").asText() + " "
                        + body.path("metadata").path("name").asText())
                .toList();

        List<String> reversed = new ArrayList<>(expected());
        Collections.reverse(reversed);
        assertThat(pruned).containsExactlyElementsOf(reversed);
    }

    @Test
    void theOrderDoesNotDependOnTheInputOrder() {
        List<RenderedObject> shuffled = new ArrayList<>(scrambled);
        Collections.reverse(shuffled);

        assertThat(ApplyOrder.forApply(shuffled)).isEqualTo(ApplyOrder.forApply(scrambled));
    }

    @Test
    void wavesGroupObjectsWithThePrerequisitesFirst() {
        List<ApplyWave> waves = ApplyOrder.waves(scrambled);

        assertThat(waves)
                .extracting(ApplyWave::prerequisites, ApplyWave::number)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(true, 0),
                        org.assertj.core.groups.Tuple.tuple(false, -1),
                        org.assertj.core.groups.Tuple.tuple(false, 0),
                        org.assertj.core.groups.Tuple.tuple(false, 2));
        assertThat(waves.get(0).objects())
                .extracting(ApplyOrderTest::label)
                .containsExactly("Namespace shop", "CustomResourceDefinition widgets.example.com");
        assertThat(waves.stream().mapToInt(wave -> wave.objects().size()).sum()).isEqualTo(scrambled.size());
    }

    @Test
    void aSyncWaveThatIsNotAnIntegerIsRefusedNamingTheObject() {
        List<RenderedObject> objects = new ManifestParser().parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: web-config
                  namespace: shop
                  annotations: {plumbline.dev/sync-wave: "early"}
                """, null);

        assertThatThrownBy(() -> ApplyOrder.forApply(objects))
                .isInstanceOf(InvalidSyncWaveException.class)
                .hasMessageContaining("ConfigMap v1 shop/web-config")
                .hasMessageContaining("\"early\"");
    }

    private static List<String> expected() {
        List<String> names = new ArrayList<>();
        GoldenFiles.expected("order").forEach(line -> names.add(line.asText()));
        return names;
    }

    private static String label(RenderedObject object) {
        return object.identity().kind() + " " + object.identity().name();
    }
}
