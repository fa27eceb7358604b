package dev.plumbline.reconciler.apply;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.reconciler.cluster.ApiCatalog;
import dev.plumbline.reconciler.cluster.ClusterGuard;
import dev.plumbline.reconciler.cluster.LiveObjects;
import dev.plumbline.reconciler.cluster.ResourceType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Writes to the cluster: server-side apply as field manager {@value #FIELD_MANAGER} with force (Git is the truth, so
 * a conflict with a hand edit is taken over), removal of gained entries, deletes for prunes. Every call goes through
 * {@link ClusterGuard}.
 */
@ApplicationScoped
public class ObjectApplier {

    public static final String FIELD_MANAGER = "plumbline";

    private final KubernetesClient client;
    private final ClusterGuard guard;
    private final ApiCatalog catalog;
    private final LiveObjects live;

    @Inject
    public ObjectApplier(KubernetesClient client, ClusterGuard guard, ApiCatalog catalog, LiveObjects live) {
        this.client = client;
        this.guard = guard;
        this.catalog = catalog;
        this.live = live;
    }

    /** Server-side apply of one desired object. */
    public void apply(RenderedObject object) {
        GenericKubernetesResource body =
                client.getKubernetesSerialization().convertValue(object.body(), GenericKubernetesResource.class);
        Resource<GenericKubernetesResource> resource =
                resources(object.identity()).resource(body);
        GenericKubernetesResource applied = guard.call(
                () -> resource.fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply());
        live.remember(applied);
    }

    /**
     * Server-side apply of a Namespace holding only its name ({@code CreateNamespace=true}). It carries no tracking
     * marks, so no app owns it and no prune ever deletes it.
     */
    public void applyNamespace(String name) {
        Namespace namespace = new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .build();
        guard.call(() -> client.namespaces()
                .resource(namespace)
                .fieldManager(FIELD_MANAGER)
                .forceConflicts()
                .serverSideApply());
    }

    /** Removes entries another manager added, with the JSON patch {@link GainedEntries} wrote. */
    public void removeGained(ObjectIdentity object, ArrayNode patch) {
        Resource<GenericKubernetesResource> resource = resource(object);
        PatchContext context = new PatchContext.Builder()
                .withPatchType(PatchType.JSON)
                .withFieldManager(FIELD_MANAGER)
                .build();
        GenericKubernetesResource patched = guard.call(() -> resource.patch(context, patch.toString()));
        live.remember(patched);
    }

    /** Deletes a pruned object, in the background as kubectl does; one already gone counts as deleted. */
    public void delete(ObjectIdentity object) {
        Resource<GenericKubernetesResource> resource = resource(object);
        guard.run(() -> resource.delete());
    }

    /** Waits until the API server reports the CRD Established and serves its kinds. */
    public void awaitEstablished(String crdName, Duration timeout) {
        try {
            guard.call(() -> client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(crdName)
                    .waitUntilCondition(ObjectApplier::established, timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (KubernetesClientException e) {
            throw new IllegalStateException(
                    "CustomResourceDefinition " + crdName + " was not established within " + timeout
                            + "; its custom resources were not applied",
                    e);
        }
        catalog.refresh();
    }

    private static boolean established(CustomResourceDefinition crd) {
        return crd != null
                && crd.getStatus() != null
                && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private Resource<GenericKubernetesResource> resource(ObjectIdentity object) {
        return resources(object).withName(object.name());
    }

    private NonNamespaceOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            resources(ObjectIdentity object) {
        ResourceType type = catalog.find(object.groupKind())
                .orElseThrow(() -> new KindNotServedException(object))
                .atVersion(object.version());
        var resources = client.genericKubernetesResources(type.context());
        return type.namespaced() ? resources.inNamespace(object.namespace()) : resources;
    }
}
