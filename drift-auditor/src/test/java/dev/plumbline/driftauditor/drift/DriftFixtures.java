package dev.plumbline.driftauditor.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.application.Destination;
import dev.plumbline.events.application.SelfHealPause;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.application.SyncPolicy;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.testing.TestProjects;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.RendererKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Desired and live objects, specs and renders as the other services would give them. */
public final class DriftFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private DriftFixtures() {}

    public static ObjectNode deployment(String app, String name, int replicas) {
        return (ObjectNode) parse("""
                {"apiVersion":"apps/v1","kind":"Deployment",
                 "metadata":{"name":"%2$s","namespace":"shop",
                   "labels":{"app.kubernetes.io/managed-by":"plumbline","app":"%2$s"},
                   "annotations":{"plumbline.dev/app":"%1$s",
                     "plumbline.dev/tracking-id":"%1$s:apps/Deployment:shop/%2$s"}},
                 "spec":{"replicas":%3$d,"selector":{"matchLabels":{"app":"%2$s"}},
                   "template":{"metadata":{"labels":{"app":"%2$s"}},
                     "spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}
                """.formatted(app, name, replicas));
    }

    /** The object live, with spec.replicas last written by {@code replicasManager} at {@code time}. */
    public static ObjectNode live(ObjectNode desired, int replicas, String replicasManager, Instant time) {
        ObjectNode live = desired.deepCopy();
        ((ObjectNode) live.get("spec")).put("replicas", replicas);
        ObjectNode metadata = (ObjectNode) live.get("metadata");
        metadata.put("resourceVersion", String.valueOf(time.toEpochMilli()));
        metadata.set("managedFields", parse("""
                [{"manager":"plumbline","operation":"Apply","apiVersion":"apps/v1","time":"%1$s",
                  "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:template":{"f:spec":{"f:containers":{}}}}}},
                 {"manager":"%2$s","operation":"Update","apiVersion":"apps/v1","time":"%1$s",
                  "fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}}}]
                """.formatted(time.toString(), replicasManager)));
        return live;
    }

    public static ManifestsRendered rendered(String app, String revision, ObjectNode... bodies) {
        return renderedFor(spec(app, DriftMode.WARN, null), revision, bodies);
    }

    /** A render of the spec's source, as the renderer writes it. */
    public static ManifestsRendered renderedFor(ApplicationSpec spec, String revision, ObjectNode... bodies) {
        String app = spec.app();
        List<RenderedObject> objects = java.util.Arrays.stream(bodies)
                .map(body -> new RenderedObject(
                        ObjectIdentity.namespaced(
                                body.get("apiVersion").asText(),
                                body.get("kind").asText(),
                                body.at("/metadata/namespace").asText(),
                                body.at("/metadata/name").asText()),
                        body,
                        "apps/" + app + "/" + body.at("/metadata/name").asText() + ".yaml"))
                .toList();
        return SignedEvents.byRenderer(ManifestsRendered.of(
                "corr-" + revision,
                app,
                1,
                spec.sourceDigest(),
                spec.sourceSpec().repoUrl(),
                revision,
                spec.sourceSpec().path(),
                RendererKind.PLAIN,
                objects));
    }

    /** What the renders of these fixtures are made for: the source of {@link #spec}. */
    public static String sourceDigest(String app) {
        return spec(app, DriftMode.WARN, null).sourceDigest();
    }

    public static ApplicationSpec spec(String app, DriftMode mode, SelfHealPause pause) {
        return spec(app, "apps/" + app, mode, pause);
    }

    /** The spec of an app whose source is at {@code path}. */
    public static ApplicationSpec spec(String app, String path, DriftMode mode, SelfHealPause pause) {
        return ApplicationSpec.of(
                        app,
                        "plumbline",
                        1,
                        new SourceSpec("https://git.example.com/shop.git", "main", path, null, null, null, null),
                        new Destination("shop"),
                        SyncPolicy.automated(true, mode == DriftMode.HEAL),
                        mode,
                        List.of(),
                        List.of(),
                        pause,
                        null)
                .withProject(TestProjects.allowingEverything());
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
