package dev.plumbline.reconciler.apply;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import dev.plumbline.reconciler.cluster.ApiCatalog;
import dev.plumbline.reconciler.cluster.ClusterGuard;
import dev.plumbline.reconciler.cluster.ImpersonatingClients;
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
import java.util.function.Function;

/**
 * Writes to the cluster: server-side apply as field manager {@value #FIELD_MANAGER} with force (Git is the truth, so
 * a conflict with a hand edit is taken over), removal of gained entries, deletes for prunes. Each request is made as
 * the ServiceAccount the app's project names for the object's namespace ({@link Impersonation}), so the API server
 * enforces what the project's administrator granted; a 403 to such a request becomes
 * {@link ForbiddenAsServiceAccount}. Every call goes through {@link ClusterGuard}. An apply that takes over an
 * object created outside Plumbline happens only when the sync decided to adopt it ({@code syncPolicy.adoptExisting}).
 */
@ApplicationScoped
public class ObjectApplier {

    public static final String FIELD_MANAGER = "plumbline";

    private final ImpersonatingClients clients;
    private final ClusterGuard guard;
    private final ApiCatalog catalog;
    private final LiveObjects live;

    @Inject
    public ObjectApplier(ImpersonatingClients clients, ClusterGuard guard, ApiCatalog catalog, LiveObjects live) {
        this.clients = clients;
        this.guard = guard;
        this.catalog = catalog;
        this.live = live;
    }

    /** Server-side apply of one desired object. */
    public void apply(RenderedObject object, Impersonation as) {
        ObjectIdentity identity = object.identity();
        ResourceType type = typeOf(identity);
        GenericKubernetesResource applied = call(as, identity, type, ForbiddenAsServiceAccount.APPLY, client -> {
            GenericKubernetesResource body =
                    client.getKubernetesSerialization().convertValue(object.body(), GenericKubernetesResource.class);
            return resources(client, type, identity)
                    .resource(body)
                    .fieldManager(FIELD_MANAGER)
                    .forceConflicts()
                    .serverSideApply();
        });
        live.remember(applied);
    }

    /**
     * Server-side apply of a Namespace holding only its name ({@code CreateNamespace=true}). It carries no tracking
     * marks, so no app owns it and no prune ever deletes it.
     */
    public void applyNamespace(String name, Impersonation as) {
        Namespace namespace = new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .build();
        ObjectIdentity identity = ObjectIdentity.clusterScoped("v1", "Namespace", name);
        call(
                as,
                identity,
                new ResourceType("", "v1", "Namespace", "namespaces", false),
                ForbiddenAsServiceAccount.APPLY,
                client -> client.namespaces()
                        .resource(namespace)
                        .fieldManager(FIELD_MANAGER)
                        .forceConflicts()
                        .serverSideApply());
    }

    /** Removes entries another manager added, with the JSON patch {@link GainedEntries} wrote. */
    public void removeGained(ObjectIdentity object, ArrayNode patch, Impersonation as) {
        PatchContext context = new PatchContext.Builder()
                .withPatchType(PatchType.JSON)
                .withFieldManager(FIELD_MANAGER)
                .build();
        ResourceType type = typeOf(object);
        GenericKubernetesResource patched = call(
                as,
                object,
                type,
                "patch",
                client ->
                        resources(client, type, object).withName(object.name()).patch(context, patch.toString()));
        live.remember(patched);
    }

    /**
     * Deletes a pruned object, in the background as kubectl does, only if it is still the object the sync decided to
     * delete: the request names its UID ({@link PreconditionedDelete}).
     *
     * @param uid the object's UID as the sync saw it
     */
    public Deletion delete(ObjectIdentity object, String uid, Impersonation as) {
        ResourceType type = typeOf(object);
        return call(as, object, type, "delete", client -> PreconditionedDelete.send(client, type, object, uid));
    }

    /** Waits, reading as the app's ServiceAccount, until the API server reports the CRD Established. */
    public void awaitEstablished(String crdName, Duration timeout, Impersonation as) {
        ObjectIdentity crd =
                ObjectIdentity.clusterScoped("apiextensions.k8s.io/v1", "CustomResourceDefinition", crdName);
        ResourceType type = new ResourceType(
                "apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false);
        try {
            call(
                    as,
                    crd,
                    type,
                    "watch",
                    client -> client.apiextensions()
                            .v1()
                            .customResourceDefinitions()
                            .withName(crdName)
                            .waitUntilCondition(ObjectApplier::established, timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ForbiddenAsServiceAccount e) {
            throw e;
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

    /** One request, made as the user the project names for the object; a 403 to it names that user. */
    private <T> T call(
            Impersonation as,
            ObjectIdentity object,
            ResourceType type,
            String verb,
            Function<KubernetesClient, T> request) {
        String user = as.userFor(type.namespaced() ? object.namespace() : null).orElse(null);
        KubernetesClient client = clients.as(user);
        try {
            return guard.call(() -> request.apply(client));
        } catch (KubernetesClientException e) {
            if (user != null && e.getCode() == 403) {
                String resource = type.plural() + (type.group().isEmpty() ? "" : "." + type.group());
                throw new ForbiddenAsServiceAccount(user, verb, object, resource, type.namespaced(), e);
            }
            throw e;
        }
    }

    private ResourceType typeOf(ObjectIdentity object) {
        return catalog.find(object.groupKind())
                .orElseThrow(() -> new KindNotServedException(object))
                .atVersion(object.version());
    }

    private NonNamespaceOperation<
                    GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
            resources(KubernetesClient client, ResourceType type, ObjectIdentity object) {
        var resources = client.genericKubernetesResources(type.context());
        return type.namespaced() ? resources.inNamespace(object.namespace()) : resources;
    }
}
