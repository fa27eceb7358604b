package dev.plumbline.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.ignore.IgnoreRules;
import dev.plumbline.engine.testing.GoldenFiles;
import dev.plumbline.events.manifest.FieldDiff;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.ChangeType;
import dev.plumbline.events.vocabulary.HealthStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden cases: {@code <case>-desired.yaml} against {@code <case>-live.yaml} gives {@code <case>-expected.yaml} (the
 * change and every field with before and after), with the rules of {@code <case>-ignore.yaml} when there is one.
 */
class ObjectDifferTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            server-set-metadata          | server-set metadata and the last-applied annotation are not differences
            status                       | status is not a difference, even when Git carries one
            defaulted-fields             | fields the API server defaulted are not differences
            added-env-var                | an env var added by hand is drift
            quantities                   | quantities written differently are equal (500m and 0.5, 1Gi and 1024Mi, 1000m and 1)
            quantity-text-in-configmap   | quantity-like text in a ConfigMap is compared as text
            int-or-string                | a quoted port equals the number in a Service
            int-or-string-rollout        | quoted numbers equal numbers in maxSurge and probe ports
            percent-is-not-a-number      | a percentage does not equal the bare number
            empty-vs-absent              | empty maps, empty lists, empty strings and false equal absent fields
            empty-string-in-data         | an empty string in data and annotations is a value, not absence
            keyed-list-order             | keyed lists match by merge key in any order
            changed-fields               | changed fields are listed with paths, before and after
            configmap-gained-key         | a key added to ConfigMap data is drift, a label added is not
            secret-masked                | Secret values are masked and still show that they differ
            secret-string-data           | Secret stringData equals the same values base64-encoded in data
            ignore-pointer               | fields named by an ignore rule's JSON pointers are not differences
            ignore-manager               | fields owned by an ignored field manager are not differences
            """)
    void goldenCase(String testCase, String sentence) {
        RenderedObject desired = GoldenFiles.desired(testCase).get(0);
        JsonNode live = GoldenFiles.live(testCase).get(0);
        ObjectDiffer differ = new ObjectDiffer(new IgnoreRules(GoldenFiles.ignoreRules(testCase)));

        ObjectDiff diff = differ.diff(desired, live);

        JsonNode expected = GoldenFiles.expected(testCase);
        assertThat(diff.change().label())
                .as("change")
                .isEqualTo(expected.path("change").asText());
        assertThat(diff.fields()).as("fields").containsExactlyElementsOf(expectedFields(expected));
    }

    @ParameterizedTest(name = "without its ignore rule, the {0} case is an update")
    @ValueSource(strings = {"ignore-pointer", "ignore-manager"})
    void theIgnoreCasesDifferWithoutTheirRules(String testCase) {
        ObjectDiff diff = new ObjectDiffer(IgnoreRules.none())
                .diff(
                        GoldenFiles.desired(testCase).get(0),
                        GoldenFiles.live(testCase).get(0));

        assertThat(diff.change()).isEqualTo(ChangeType.UPDATE);
        assertThat(diff.fields()).hasSizeGreaterThan(1);
    }

    @Test
    void anObjectMissingLiveIsCreatedAndMissing() {
        ObjectDiff diff = new ObjectDiffer(IgnoreRules.none())
                .diff(GoldenFiles.desired("status").get(0), null);

        assertThat(diff.change()).isEqualTo(ChangeType.CREATE);
        assertThat(diff.health()).isEqualTo(HealthStatus.MISSING);
        assertThat(diff.fields()).isEmpty();
    }

    @Test
    void theDiffCarriesTheLiveObjectsHealth() {
        ObjectDiff diff = new ObjectDiffer(IgnoreRules.none())
                .diff(
                        GoldenFiles.desired("status").get(0),
                        GoldenFiles.live("status").get(0));

        assertThat(diff.health()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void comparingLeavesBothBodiesUntouched() {
        RenderedObject desired = GoldenFiles.desired("secret-string-data").get(0);
        JsonNode live = GoldenFiles.live("ignore-manager").get(0);
        ObjectNode desiredBefore = desired.body().deepCopy();
        JsonNode liveBefore = live.deepCopy();

        new ObjectDiffer(new IgnoreRules(GoldenFiles.ignoreRules("ignore-manager"))).diff(desired, live);

        assertThat(desired.body()).isEqualTo(desiredBefore);
        assertThat(live).isEqualTo(liveBefore);
    }

    @Test
    void aMaskNeverContainsTheValue() {
        ObjectDiff diff = new ObjectDiffer(IgnoreRules.none())
                .diff(
                        GoldenFiles.desired("secret-masked").get(0),
                        GoldenFiles.live("secret-masked").get(0));

        assertThat(diff.fields()).allSatisfy(field -> {
            assertThat(String.valueOf(field.before())).doesNotContain("b2xkLXBhc3N3b3Jk", "aGFuZC1hZGRlZA==");
            assertThat(String.valueOf(field.after())).doesNotContain("bmV3LXBhc3N3b3Jk", "a2V5");
        });
    }

    private static List<FieldDiff> expectedFields(JsonNode expected) {
        List<FieldDiff> fields = new ArrayList<>();
        for (JsonNode field : expected.path("fields")) {
            fields.add(new FieldDiff(
                    field.path("path").asText(), nullable(field.get("before")), nullable(field.get("after"))));
        }
        return fields;
    }

    private static JsonNode nullable(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }
}
