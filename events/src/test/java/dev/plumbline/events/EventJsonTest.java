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
    void everyEventTypeHasASampleAndEveryEventRecordHasAType() {
        assertThat(EventSamples.byType().keySet()).isEqualTo(EnumSet.allOf(EventType.class));
        Set<Class<?>> typed =
                Arrays.stream(EventType.values()).map(EventType::eventClass).collect(Collectors.toSet());
        assertThat(Set.of(PlumblineEvent.class.getPermittedSubclasses())).isEqualTo(typed);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void anEventReadsBackEqualToWhatWasWritten(PlumblineEvent event) {
        PlumblineEvent read = EventJson.read(EventJson.write(event));

        assertThat(read).isEqualTo(event);
        assertThat(read.type()).isEqualTo(event.type());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theJsonStartsWithTheCloudEventsTypeAndTheSchemaVersion(PlumblineEvent event) {
        String json = text(EventJson.write(event));

        assertThat(json)
                .startsWith("{\"type\":\"" + event.type().typeName() + "\",\"schemaVersion\":"
                        + event.type().schemaVersion() + ",");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void timesAreWrittenAsIso8601Text(PlumblineEvent event) {
        JsonNode time = tree(event).get("time");

        assertThat(time.isTextual()).isTrue();
        assertThat(Instant.parse(time.asText())).isEqualTo(event.time());
    }

    @Test
    void vocabularyWordsAndDurationsAreWrittenAsPeopleReadThem() {
        String diff = text(EventJson.write(EventSamples.diffComputed()));
        String fight = text(EventJson.write(EventSamples.selfHealFight()));

        assertThat(diff)
                .contains("\"syncStatus\":\"out-of-sync\"", "\"change\":\"update\"", "\"health\":\"progressing\"");
        assertThat(fight).contains("\"window\":\"PT10M\"");
        assertThat(text(EventJson.write(EventSamples.imageDetected()))).contains("\"kind\":\"registry-notification\"");
        assertThat(text(EventJson.write(EventSamples.promotionMerged())))
                .contains("\"promotion\":\"pull-request\"", "\"approvalSource\":\"host\"");
        assertThat(text(EventJson.write(EventSamples.applicationSpec())))
                .contains("\"order\":\"numerical\"", "\"promotion\":\"direct\"");
    }

    @Test
    void aRenderOfTenMegabytesReadsBackIntact() {
        ManifestsRendered sample = EventSamples.manifestsRendered();
        String annotation = "x".repeat(5_000);
        List<RenderedObject> objects = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ObjectNode body = sample.objects().get(0).body().deepCopy();
            ((ObjectNode) body.get("metadata"))
                    .put("name", "web-" + i)
                    .putObject("annotations")
                    .put("example.com/padding", annotation);
            objects.add(new RenderedObject(
                    ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web-" + i), body, null));
        }
        ManifestsRendered large = ManifestsRendered.of(
                sample.correlationId(),
                "web",
                sample.generation(),
                sample.sourceDigest(),
                sample.repoUrl(),
                sample.revision(),
                sample.path(),
                sample.renderer(),
                objects);

        byte[] json = EventJson.write(large);

        assertThat(json.length).isGreaterThan(10 * 1024 * 1024);
        assertThat(EventJson.read(json)).isEqualTo(large);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void fieldsAddedByANewerWriterAreIgnored(PlumblineEvent event) {
        ObjectNode json = tree(event);
        json.put("addedLater", "a field this reader does not know");
        json.putObject("addedLaterObject").put("nested", true);

        assertThat(EventJson.read(bytes(json))).isEqualTo(event);
    }

    @Test
    void fetchCausesAndNotificationOccasionsKeepTheirSchemaVersion1FieldNameTrigger() {
        assertThat(tree(EventSamples.commitDetected())
                        .get("trigger")
                        .get("kind")
                        .asText())
                .isEqualTo("webhook");
        assertThat(tree(EventSamples.commitIgnored()).get("trigger").get("kind").asText())
                .isEqualTo("poll");
        assertThat(tree(EventSamples.notificationSent()).get("trigger").isTextual())
                .isTrue();
        assertThat(tree(EventSamples.notificationDeadLettered()).get("trigger").isTextual())
                .isTrue();
        assertThat(tree(EventSamples.applicationSpec())
                        .get("notifications")
                        .get(0)
                        .get("trigger")
                        .asText())
                .isEqualTo("drift-detected");
        assertThat(tree(EventSamples.commitDetected()).has("fetchCause")).isFalse();
    }

    @Test
    void fieldsAddedInsideNestedPartsAreIgnored() {
        CommitDetected event = EventSamples.commitDetected();
        ObjectNode json = tree(event);
        ((ObjectNode) json.get("commits").get(0)).put("signature", "-----BEGIN PGP SIGNATURE-----");
        ((ObjectNode) json.get("trigger")).put("headers", 3);

        assertThat(EventJson.read(bytes(json))).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aSchemaVersionNewerThanSupportedIsRejectedNamingTypeAndVersions(EventType type) {
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
    void aSchemaVersionBelowTheFirstIsRejected() {
        ObjectNode json = tree(EventSamples.commitDetected());
        json.put("schemaVersion", 0);

        assertThatThrownBy(() -> EventJson.read(bytes(json)))
                .isInstanceOf(UnsupportedEventException.class)
                .hasMessageContaining("dev.plumbline.commit.detected event with schema version 0")
                .hasMessageContaining("supports schema version 1");
    }

    @Test
    void anUnknownTypeIsRejectedListingTheTypesThisReaderKnows() {
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
    void anEventWithoutATypeOrVersionIsRejectedClearly() {
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
    void bytesThatAreNotAJsonObjectAreRejectedClearly() {
        assertThatThrownBy(() -> EventJson.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventReadException.class)
                .hasMessageStartingWith("Cannot read event: not valid JSON");
        assertThatThrownBy(() -> EventJson.read("[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventReadException.class)
                .hasMessage("Cannot read event: expected a JSON object, found array");
    }

    @Test
    void aMissingRequiredFieldIsNamedWithItsPlaceInTheEvent() {
        ObjectNode json = tree(EventSamples.commitDetected());
        ((ObjectNode) json.get("commits").get(0)).remove("sha");

        assertThatThrownBy(() -> EventJson.read(bytes(json)))
                .isInstanceOf(EventReadException.class)
                .hasMessage("Cannot read dev.plumbline.commit.detected event (schema version 2): "
                        + "at commits[0]: required field 'sha' is missing");
    }

    @Test
    void aMalformedValueIsReportedWithoutLibraryClassNames() {
        ObjectNode json = tree(EventSamples.driftRecovered());
        json.put("detectedAt", "yesterday");

        assertThatThrownBy(() -> EventJson.read(bytes(json)))
                .isInstanceOf(EventReadException.class)
                .hasMessageStartingWith(
                        "Cannot read dev.plumbline.drift.recovered event (schema version 1): " + "at detectedAt: ")
                .hasMessageNotContaining("com.fasterxml");
    }

    @Test
    void readingOneExpectedTypeRefusesAnother() {
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
