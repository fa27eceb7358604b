package dev.plumbline.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    static Stream<PlumblineEvent> samples() {
        return EventSamples.all().stream();
    }

    @Test
    void every_event_type_has_a_sample_and_every_event_record_has_a_type() {
        assertThat(EventSamples.byType().keySet()).isEqualTo(EnumSet.allOf(EventType.class));
        Set<Class<?>> typed = Arrays.stream(EventType.values()).map(EventType::eventClass).collect(Collectors.toSet());
        assertThat(Set.of(PlumblineEvent.class.getPermittedSubclasses())).isEqualTo(typed);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void an_event_reads_back_equal_to_what_was_written(PlumblineEvent event) {
        PlumblineEvent read = EventJson.read(EventJson.write(event));

        assertThat(read).isEqualTo(event);
        assertThat(read.type()).isEqualTo(event.type());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void the_json_starts_with_the_cloud_events_type_and_the_schema_version(PlumblineEvent event) {
        String json = text(EventJson.write(event));

        assertThat(json).startsWith("{\"type\":\"" + event.type().typeName() + "\",\"schemaVersion\":"
                + event.type().schemaVersion() + ",");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void times_are_written_as_iso_8601_text(PlumblineEvent event) {
        JsonNode time = tree(event).get("time");

        assertThat(time.isTextual()).isTrue();
        assertThat(Instant.parse(time.asText())).isEqualTo(event.time());
    }

    @Test
    void vocabulary_words_and_durations_are_written_as_people_read_them() {
        String diff = text(EventJson.write(EventSamples.diffComputed()));
        String fight = text(EventJson.write(EventSamples.selfHealFight()));

        assertThat(diff).contains("\"syncStatus\":\"out-of-sync\"", "\"change\":\"update\"",
                "\"health\":\"progressing\"");
        assertThat(fight).contains("\"window\":\"PT10M\"");
    }

    @Test
    void a_render_of_ten_megabytes_reads_back_intact() {
        ManifestsRendered sample = EventSamples.manifestsRendered();
        String annotation = "x".repeat(5_000);
        List<RenderedObject> objects = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ObjectNode body = sample.objects().get(0).body().deepCopy();
            ((ObjectNode) body.get("metadata")).put("name", "web-" + i).putObject("annotations")
                    .put("example.com/padding", annotation);
            objects.add(new RenderedObject(ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web-" + i),
                    body, null));
        }
        ManifestsRendered large = ManifestsRendered.of(sample.correlationId(), "web", sample.repoUrl(),
                sample.revision(), sample.path(), sample.renderer(), sample.digest(), objects);

        byte[] json = EventJson.write(large);

        assertThat(json.length).isGreaterThan(10 * 1024 * 1024);
        assertThat(EventJson.read(json)).isEqualTo(large);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void fields_added_by_a_newer_writer_are_ignored(PlumblineEvent event) {
        ObjectNode json = tree(event);
        json.put("addedLater", "a field this reader does not know");
        json.putObject("addedLaterObject").put("nested", true);

        assertThat(EventJson.read(bytes(json))).isEqualTo(event);
    }

    @Test
    void fetch_causes_and_notification_occasions_keep_their_schema_version_1_field_name_trigger() {
        assertThat(tree(EventSamples.commitDetected()).get("trigger").get("kind").asText()).isEqualTo("webhook");
        assertThat(tree(EventSamples.commitIgnored()).get("trigger").get("kind").asText()).isEqualTo("poll");
        assertThat(tree(EventSamples.notificationSent()).get("trigger").isTextual()).isTrue();
        assertThat(tree(EventSamples.notificationDeadLettered()).get("trigger").isTextual()).isTrue();
        assertThat(tree(EventSamples.applicationSpec()).get("notifications").get(0).get("trigger").asText())
                .isEqualTo("drift-detected");
        assertThat(tree(EventSamples.commitDetected()).has("fetchCause")).isFalse();
    }

    @Test
    void fields_added_inside_nested_parts_are_ignored() {
        CommitDetected event = EventSamples.commitDetected();
        ObjectNode json = tree(event);
        ((ObjectNode) json.get("commits").get(0)).put("signature", "-----BEGIN PGP SIGNATURE-----");
        ((ObjectNode) json.get("trigger")).put("headers", 3);

        assertThat(EventJson.read(bytes(json))).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void a_schema_version_newer_than_supported_is_rejected_naming_type_and_versions(EventType type) {
        ObjectNode json = tree(EventSamples.byType().get(type));
        int newer = type.schemaVersion() + 1;
        json.put("schemaVersion", newer);

        assertThatThrownBy(() -> EventJson.read(bytes(json)))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessage("Cannot read " + type.typeName() + " event with schema version " + newer
                        + "; this reader supports schema version " + type.supportedVersions()
                        + ". A newer Plumbline wrote it: upgrade this service.")
                .hasNoCause();
    }

    @Test
    void a_schema_version_below_the_first_is_rejected() {
        ObjectNode json = tree(EventSamples.commitDetected());
        json.put("schemaVersion", 0);

        assertThatThrownBy(() -> EventJson.read(bytes(json)))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("dev.plumbline.commit.detected event with schema version 0")
                .hasMessageContaining("supports schema version 1");
    }

    @Test
    void an_unknown_type_is_rejected_listing_the_types_this_reader_knows() {
        ObjectNode json = tree(EventSamples.driftDetected());
        json.put("type", "dev.plumbline.drift.predicted");

        assertThatThrownBy(() -> EventJson.read(bytes(json)))
                .isInstanceOfSatisfying(UnsupportedEventException.class, e -> {
                    assertThat(e.typeName()).isEqualTo("dev.plumbline.drift.predicted");
                    assertThat(e.foundVersion()).isEqualTo(1);
                })
                .hasMessageStartingWith("Cannot read event of unknown type 'dev.plumbline.drift.predicted' "
                        + "(schema version 1); this reader knows dev.plumbline.application.spec, ")
                .hasMessageContaining("dev.plumbline.audit.record");
    }

    @Test
    void an_event_without_a_type_or_version_is_rejected_clearly() {
        ObjectNode noType = tree(EventSamples.applyAction());
        noType.remove("type");
        ObjectNode noVersion = tree(EventSamples.applyAction());
        noVersion.put("schemaVersion", "one");

        assertThatThrownBy(() -> EventJson.read(bytes(noType)))
                .isInstanceOf(EventReadException.class)
                .hasMessage("Cannot read event: it has no 'type' field naming its type");
        assertThatThrownBy(() -> EventJson.read(bytes(noVersion)))
                .isInstanceOf(EventReadException.class)
                .hasMessage("Cannot read dev.plumbline.apply.action event: it has no integer 'schemaVersion' field");
    }

    @Test
    void bytes_that_are_not_a_json_object_are_rejected_clearly() {
        assertThatThrownBy(() -> EventJson.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventReadException.class)
                .hasMessageStartingWith("Cannot read event: not valid JSON");
        assertThatThrownBy(() -> EventJson.read("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventReadException.class)
                .hasMessage("Cannot read event: expected a JSON object, found array");
    }

    @Test
    void a_missing_required_field_is_named_with_its_place_in_the_event() {
        ObjectNode json = tree(EventSamples.commitDetected());
        ((ObjectNode) json.get("commits").get(0)).remove("sha");

        assertThatThrownBy(() -> EventJson.read(bytes(json)))
                .isInstanceOf(EventReadException.class)
                .hasMessage("Cannot read dev.plumbline.commit.detected event (schema version 1): "
                        + "at commits[0]: required field 'sha' is missing");
    }

    @Test
    void a_malformed_value_is_reported_without_library_class_names() {
        ObjectNode json = tree(EventSamples.driftRecovered());
        json.put("detectedAt", "yesterday");

        assertThatThrownBy(() -> EventJson.read(bytes(json)))
                .isInstanceOf(EventReadException.class)
                .hasMessageStartingWith("Cannot read dev.plumbline.drift.recovered event (schema version 1): "
                        + "at detectedAt: ")
                .hasMessageNotContaining("com.fasterxml");
    }

    @Test
    void reading_one_expected_type_refuses_another() {
        byte[] rendered = EventJson.write(EventSamples.manifestsRendered());

        assertThat(EventJson.read(rendered, ManifestsRendered.class).app()).isEqualTo("web");
        assertThatThrownBy(() -> EventJson.read(rendered, RenderFailed.class))
                .isInstanceOf(EventReadException.class)
                .hasMessageStartingWith("Expected a RenderFailed event but read dev.plumbline.manifests.rendered ");
    }

    private static ObjectNode tree(PlumblineEvent event) {
        try {
            return (ObjectNode) PLAIN.readTree(EventJson.write(event));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(JsonNode json) {
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
