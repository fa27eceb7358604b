package dev.plumbline.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.engine.ignore.IgnoreRules;
import dev.plumbline.engine.testing.GoldenFiles;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.vocabulary.DriftKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DriftAnalyzerTest {

    private final DriftAnalyzer analyzer = new DriftAnalyzer(IgnoreRules.none());

    @Test
    void eachDriftedFieldNamesTheManagerThatLastWroteIt() {
        DriftedObject drift = analyzer.drift(
                        GoldenFiles.desired("ignore-manager").get(0),
                        GoldenFiles.live("ignore-manager").get(0))
                .orElseThrow();

        assertThat(drift.kind()).isEqualTo(DriftKind.MODIFIED);
        assertThat(drift.fields())
                .extracting(DriftedField::path, field -> field.changedBy().manager())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("spec.replicas", "kube-controller-manager"),
                        org.assertj.core.groups.Tuple.tuple(
                                "spec.template.spec.containers[name=web].image", "kubectl-edit"),
                        org.assertj.core.groups.Tuple.tuple(
                                "spec.template.spec.containers[name=web].env[name=TRACE_ID]", "env-injector"));
        DriftedField image = drift.fields().stream()
                .filter(field -> field.path().endsWith(".image"))
                .findFirst()
                .orElseThrow();
        assertThat(image.changedBy().operation()).isEqualTo("Update");
        assertThat(image.changedBy().time()).isEqualTo(Instant.parse("2026-11-27T15:10:00Z"));
        assertThat(image.desired().asText()).isEqualTo("ghcr.io/example/web:1.4.2");
        assertThat(image.live().asText()).isEqualTo("ghcr.io/example/web:hotfix");
    }

    @Test
    void aDeletedObjectIsDrift() {
        assertThat(analyzer.drift(GoldenFiles.desired("status").get(0), null))
                .hasValueSatisfying(drift -> assertThat(drift.kind()).isEqualTo(DriftKind.DELETED));
    }

    @Test
    void anObjectThatMatchesHasNoDrift() {
        assertThat(analyzer.drift(
                        GoldenFiles.desired("defaulted-fields").get(0),
                        GoldenFiles.live("defaulted-fields").get(0)))
                .isEmpty();
    }

    @Test
    void aFieldWithoutManagedFieldsIsAttributedToNobodyKnown() {
        DriftedObject drift = analyzer.drift(
                        GoldenFiles.desired("added-env-var").get(0),
                        GoldenFiles.live("added-env-var").get(0))
                .orElseThrow();

        assertThat(drift.fields())
                .allSatisfy(field -> assertThat(field.changedBy().known()).isFalse());
    }
}
