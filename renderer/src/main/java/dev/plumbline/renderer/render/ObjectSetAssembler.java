package dev.plumbline.renderer.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.inventory.TrackingId;
import dev.plumbline.engine.inventory.TrackingMarks;
import dev.plumbline.engine.order.KindOrder;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.ObjectSetDigest;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.renderer.failure.RenderFailure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a renderer produced into the set an Application publishes: every object named and identified, the
 * destination namespace filled in where a namespaced object has none, the tracking marks ({@link TrackingMarks}: the
 * label and app annotation later stages find their objects by, and the tracking id that proves an object is the
 * app's to prune), a deterministic order and a digest of the whole.
 */
public final class ObjectSetAssembler {

    private ObjectSetAssembler() {}

    /**
     * @param app                  the Application, written into the tracking annotation
     * @param destinationNamespace filled into namespaced objects that name no namespace
     * @throws RenderFailure ({@code missing-name}, {@code duplicate-object}) naming the files at fault
     */
    public static RenderedSet assemble(
            String app, String destinationNamespace, RendererKind renderer, List<SourceObject> produced) {
        ClusterScope scope = ClusterScope.of(produced);
        Map<String, SourceObject> seen = new HashMap<>();
        List<RenderedObject> objects = new ArrayList<>(produced.size());
        for (SourceObject source : produced) {
            ObjectNode body = source.body().deepCopy();
            ObjectNode metadata = body.has("metadata") && body.get("metadata").isObject()
                    ? (ObjectNode) body.get("metadata")
                    : body.putObject("metadata");
            String name = requireName(metadata, source);
            String apiVersion = body.path("apiVersion").asText();
            String kind = body.path("kind").asText();
            String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
            String namespace = null;
            if (scope.isClusterScoped(group, kind)) {
                // Kubernetes ignores a namespace on a cluster-scoped object; keeping it would make identities differ
                metadata.remove("namespace");
            } else {
                namespace = metadata.path("namespace").asText("");
                if (namespace.isEmpty()) {
                    namespace = destinationNamespace;
                    metadata.put("namespace", namespace);
                }
            }
            ObjectIdentity identity = ObjectIdentity.namespaced(apiVersion, kind, namespace, name);
            SourceObject earlier = seen.putIfAbsent(key(identity), source);
            if (earlier != null) {
                throw duplicate(identity, earlier, source);
            }
            track(metadata, app, identity);
            objects.add(new RenderedObject(identity, body, source.sourcePath()));
        }
        objects.sort(Comparator.comparing(RenderedObject::identity, KindOrder.IDENTITIES));
        return new RenderedSet(renderer, objects, ObjectSetDigest.of(objects));
    }

    private static String requireName(ObjectNode metadata, SourceObject source) {
        String name = metadata.path("name").asText("");
        if (!name.isEmpty()) {
            return name;
        }
        String kind = source.body().path("kind").asText();
        String file = source.sourcePath();
        if (!metadata.path("generateName").asText("").isEmpty()) {
            throw new RenderFailure(
                    RenderFailureReason.MISSING_NAME,
                    source.origin() + ": the " + kind
                            + " has only metadata.generateName ("
                            + metadata.get("generateName").asText() + "); a GitOps object"
                            + " needs a fixed metadata.name so that each sync updates it instead of creating another",
                    file,
                    source.line());
        }
        throw new RenderFailure(
                RenderFailureReason.MISSING_NAME,
                source.origin() + ": the " + kind + " has no metadata.name",
                file,
                source.line());
    }

    private static void track(ObjectNode metadata, String app, ObjectIdentity identity) {
        JsonNode labels = metadata.get("labels");
        (labels instanceof ObjectNode existing ? existing : metadata.putObject("labels"))
                .put(TrackingMarks.MANAGED_BY_LABEL, TrackingMarks.MANAGED_BY_VALUE);
        JsonNode annotations = metadata.get("annotations");
        (annotations instanceof ObjectNode existing ? existing : metadata.putObject("annotations"))
                .put(TrackingMarks.APP_ANNOTATION, app)
                .put(
                        TrackingMarks.TRACKING_ID_ANNOTATION,
                        TrackingId.of(app, identity).format());
    }

    /** Two versions of one kind name the same object, so the version is not part of the key. */
    private static String key(ObjectIdentity identity) {
        return identity.group() + "/" + identity.kind() + "/" + identity.namespace() + "/" + identity.name();
    }

    private static RenderFailure duplicate(ObjectIdentity identity, SourceObject first, SourceObject second) {
        String file = second.sourcePath() != null ? second.sourcePath() : first.sourcePath();
        return new RenderFailure(
                RenderFailureReason.DUPLICATE_OBJECT,
                identity + " is defined twice: in " + first.origin() + " and in " + second.origin() + "; keep one",
                file,
                second.line());
    }
}
