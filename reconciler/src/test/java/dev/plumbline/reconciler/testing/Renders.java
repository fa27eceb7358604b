package dev.plumbline.reconciler.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.events.testing.SignedEvents;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.ApplicationMapper;
import dev.plumbline.reconciler.application.ApplicationSpecModel;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Renders and Applications as the renderer and a person would write them, for the service's tests. */
public final class Renders {

    public static final String REPO = "https://git.example.com/team/apps.git";

    private Renders() {}

    /** A ConfigMap of the app, with the tracking marks the renderer sets (label, app annotation, tracking id). */
    public static RenderedObject configMap(String app, String namespace, String name, Map<String, String> data) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = body.putObject("metadata").put("name", name).put("namespace", namespace);
        metadata.putObject("labels").put("app.kubernetes.io/managed-by", "plumbline");
        metadata.putObject("annotations")
                .put("plumbline.dev/app", app)
                .put("plumbline.dev/tracking-id", app + ":/ConfigMap:" + namespace + "/" + name);
        ObjectNode values = body.putObject("data");
        data.forEach(values::put);
        return new RenderedObject(
                ObjectIdentity.namespaced("v1", "ConfigMap", namespace, name),
                body,
                "apps/" + app + "/" + name + ".yaml");
    }

    /** A CustomResourceDefinition of kind Widget ({@code widgets.example.com}), namespaced, at v1. */
    public static RenderedObject widgetCrd(String app) {
        ObjectNode body =
                tracked(app, "apiextensions.k8s.io/v1", "CustomResourceDefinition", "widgets.example.com", null);
        ObjectNode spec = body.putObject("spec").put("group", "example.com").put("scope", "Namespaced");
        spec.putObject("names")
                .put("plural", "widgets")
                .put("singular", "widget")
                .put("kind", "Widget");
        ObjectNode version = spec.putArray("versions")
                .addObject()
                .put("name", "v1")
                .put("served", true)
                .put("storage", true);
        version.putObject("schema")
                .putObject("openAPIV3Schema")
                .put("type", "object")
                .put("x-kubernetes-preserve-unknown-fields", true);
        return new RenderedObject(
                ObjectIdentity.clusterScoped(
                        "apiextensions.k8s.io/v1", "CustomResourceDefinition", "widgets.example.com"),
                body,
                "apps/" + app + "/crd.yaml");
    }

    /** A Widget, an instance of {@link #widgetCrd}. */
    public static RenderedObject widget(String app, String namespace, String name) {
        ObjectNode body = tracked(app, "example.com/v1", "Widget", name, namespace);
        body.putObject("spec").put("size", 3);
        return new RenderedObject(
                ObjectIdentity.namespaced("example.com/v1", "Widget", namespace, name),
                body,
                "apps/" + app + "/" + name + ".yaml");
    }

    /** An object of any kind, of the app; {@code namespace} null for a cluster-scoped one. */
    public static RenderedObject object(String app, String apiVersion, String kind, String namespace, String name) {
        ObjectNode body = tracked(app, apiVersion, kind, name, namespace);
        return new RenderedObject(
                namespace == null
                        ? ObjectIdentity.clusterScoped(apiVersion, kind, name)
                        : ObjectIdentity.namespaced(apiVersion, kind, namespace, name),
                body,
                "apps/" + app + "/" + name + ".yaml");
    }

    private static ObjectNode tracked(String app, String apiVersion, String kind, String name, String namespace) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode metadata = body.putObject("metadata").put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        metadata.putObject("labels").put("app.kubernetes.io/managed-by", "plumbline");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        metadata.putObject("annotations")
                .put("plumbline.dev/app", app)
                .put(
                        "plumbline.dev/tracking-id",
                        app + ":" + group + "/" + kind + ":" + (namespace == null ? "" : namespace) + "/" + name);
        return body;
    }

    /** A render signed by the renderer, made for {@link #application} deployed to the namespace of its name. */
    public static ManifestsRendered render(String app, String revision, List<RenderedObject> objects) {
        return render(app, app, revision, objects);
    }

    /** A render signed by the renderer, made for {@link #application} deployed to {@code namespace}. */
    public static ManifestsRendered render(
            String app, String namespace, String revision, List<RenderedObject> objects) {
        return render(application(app, namespace, null), revision, objects);
    }

    /** A render signed by the renderer, made for the Application's source as it is now. */
    public static ManifestsRendered render(Application application, String revision, List<RenderedObject> objects) {
        ApplicationSpec spec = ApplicationMapper.toSpec(application);
        return SignedEvents.byRenderer(ManifestsRendered.of(
                UUID.randomUUID().toString(),
                spec.app(),
                1,
                spec.sourceDigest(),
                spec.sourceSpec().repoUrl(),
                revision,
                spec.sourceSpec().path(),
                RendererKind.PLAIN,
                objects));
    }

    /** A render as anything with write access to the topic could write it: without the renderer's signature. */
    public static ManifestsRendered unsignedRender(String app, String revision, List<RenderedObject> objects) {
        ManifestsRendered signed = render(app, revision, objects);
        return ManifestsRendered.of(
                signed.correlationId(),
                app,
                1,
                signed.sourceDigest(),
                REPO,
                revision,
                "apps/" + app,
                RendererKind.PLAIN,
                objects);
    }

    /** An Application in namespace plumbline; {@code automated} null for a manual one. */
    public static Application application(String app, String namespace, ApplicationSpecModel.Automated automated) {
        Application application = new Application();
        application.getMetadata().setName(app);
        application.getMetadata().setNamespace("plumbline");
        ApplicationSpecModel spec = new ApplicationSpecModel();
        spec.source = new ApplicationSpecModel.Source();
        spec.source.repoURL = REPO;
        spec.source.path = "apps/" + app;
        spec.destination = new ApplicationSpecModel.Destination();
        spec.destination.namespace = namespace;
        spec.syncPolicy = new ApplicationSpecModel.SyncPolicy();
        spec.syncPolicy.automated = automated;
        application.setSpec(spec);
        return application;
    }

    public static ApplicationSpecModel.Automated automated(boolean prune) {
        ApplicationSpecModel.Automated automated = new ApplicationSpecModel.Automated();
        automated.prune = prune;
        automated.selfHeal = false;
        return automated;
    }
}
