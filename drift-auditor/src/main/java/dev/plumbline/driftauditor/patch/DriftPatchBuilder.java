package dev.plumbline.driftauditor.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.plumbline.engine.inventory.TrackingMarks;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.DriftKind;
import dev.plumbline.events.vocabulary.RendererKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes an emergency change back as a patch of the repository, so Git and the cluster converge. For a plain-YAML
 * app each drifted object's file is written out twice from the desired objects it holds, once as Git has it and once
 * with the live values patched in, and the two are diffed. The file is reproduced, not read: documents in render
 * order, keys in the order the render kept them, block style, two-space indentation, {@code ---} between documents,
 * Plumbline's tracking label and annotation left out. Comments and a different layout of the original are not
 * known here, so the patch applies as is only to files in that form; otherwise its hunks show exactly which lines
 * to change.
 */
public final class DriftPatchBuilder {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private DriftPatchBuilder() {}

    public static DriftPatch build(ManifestsRendered rendered, List<DriftedObject> drift) {
        List<String> notes = new ArrayList<>();
        Map<ObjectKey, DriftedObject> byKey = new HashMap<>();
        for (DriftedObject object : drift) {
            byKey.put(ObjectKey.of(object.object()), object);
            if (object.kind() == DriftKind.ORPHAN) {
                notes.add(object.object() + " exists live but not in Git: add it to the repository or delete it");
            }
        }
        if (rendered.renderer() != RendererKind.PLAIN) {
            notes.add("a "
                    + (rendered.renderer() == null
                            ? "rendered"
                            : rendered.renderer().label()) + " app: set these live values in its templates or values");
            return new DriftPatch(rendered.app(), rendered.renderer(), rendered.revision(), null, drift, notes);
        }
        Map<String, List<RenderedObject>> files = new LinkedHashMap<>();
        for (RenderedObject object : rendered.objects()) {
            if (object.sourcePath() != null) {
                files.computeIfAbsent(object.sourcePath(), path -> new ArrayList<>())
                        .add(object);
            } else if (byKey.containsKey(ObjectKey.of(object.identity()))) {
                notes.add(object.identity() + " came from no single file; change it by hand");
            }
        }
        StringBuilder diff = new StringBuilder();
        files.forEach((path, objects) -> {
            if (objects.stream().anyMatch(object -> byKey.containsKey(ObjectKey.of(object.identity())))) {
                String before = yaml(
                        objects.stream().map(object -> strip(object.body())).toList());
                List<ObjectNode> patched = new ArrayList<>();
                for (RenderedObject object : objects) {
                    DriftedObject drifted = byKey.get(ObjectKey.of(object.identity()));
                    if (drifted == null) {
                        patched.add(strip(object.body()));
                    } else if (drifted.kind() == DriftKind.MODIFIED) {
                        patched.add(withLiveValues(object, drifted, notes));
                    }
                }
                diff.append(UnifiedDiff.of(path, before, patched.isEmpty() ? null : yaml(patched)));
            }
        });
        return new DriftPatch(rendered.app(), rendered.renderer(), rendered.revision(), diff.toString(), drift, notes);
    }

    private static ObjectNode withLiveValues(RenderedObject object, DriftedObject drifted, List<String> notes) {
        ObjectNode body = strip(object.body());
        boolean secret =
                object.identity().group().isEmpty() && object.identity().kind().equals("Secret");
        for (DriftedField field : drifted.fields()) {
            if (secret && (field.path().startsWith("data") || field.path().startsWith("stringData"))) {
                notes.add(object.identity() + " " + field.path() + ": a Secret value, masked; not written to Git");
            } else if (!FieldPathText.set(body, field.path(), field.live())) {
                notes.add(object.identity() + " " + field.path() + ": could not be placed in the file; live value "
                        + field.live());
            }
        }
        return body;
    }

    /** The object as a person wrote it: without the tracking marks the renderer added. */
    private static ObjectNode strip(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        JsonNode metadata = copy.path("metadata");
        if (metadata instanceof ObjectNode meta) {
            removeEntry(meta, "labels", TrackingMarks.MANAGED_BY_LABEL);
            removeEntry(meta, "annotations", TrackingMarks.APP_ANNOTATION);
            removeEntry(meta, "annotations", TrackingMarks.TRACKING_ID_ANNOTATION);
        }
        return copy;
    }

    private static void removeEntry(ObjectNode metadata, String map, String key) {
        if (metadata.get(map) instanceof ObjectNode entries) {
            entries.remove(key);
            if (entries.isEmpty()) {
                metadata.remove(map);
            }
        }
    }

    private static String yaml(List<ObjectNode> documents) {
        return documents.stream().map(DriftPatchBuilder::yaml).collect(Collectors.joining("---\n"));
    }

    private static String yaml(ObjectNode document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON object always writes as YAML", e);
        }
    }
}
