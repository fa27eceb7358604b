package dev.plumbline.reconciler.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.reconciler.application.Application;
import dev.plumbline.reconciler.application.ApplicationStatusModel;
import dev.plumbline.reconciler.cluster.ClusterGuard;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes an Application's status with a JSON merge patch of the status subresource: no resourceVersion to race on,
 * and no GET before it (the patch names the Application the cache holds, so fabric8 does not fetch it first).
 */
@ApplicationScoped
public class StatusWriter {

    private static final PatchContext MERGE = new PatchContext.Builder()
            .withPatchType(PatchType.JSON_MERGE)
            .withFieldManager("plumbline")
            .build();
    // includes nulls, so that the merge patch clears what no longer holds
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Application> written = new ConcurrentHashMap<>();

    @Inject
    KubernetesClient client;

    @Inject
    ClusterGuard guard;

    /**
     * The Application as the informer has it, or as this service's own last status write answered when that is newer:
     * the watch may not have brought that write yet, and a status computed from the older copy would lose it.
     */
    public Application freshest(Application cached) {
        Application mine = written.get(cached.getMetadata().getName());
        if (mine == null || version(cached) >= version(mine)) {
            written.remove(cached.getMetadata().getName());
            return cached;
        }
        Application merged = new Application();
        merged.setMetadata(cached.getMetadata());
        merged.setSpec(cached.getSpec());
        merged.setStatus(mine.getStatus());
        return merged;
    }

    private static long version(Application application) {
        try {
            return Long.parseLong(application.getMetadata().getResourceVersion());
        } catch (NumberFormatException opaque) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Writes the head of the app's audit trail, alone: a merge patch of {@code status.audit}, which the status a
     * reconcile writes leaves out, so neither writer undoes the other.
     */
    public void writeAuditHead(Application application, ApplicationStatusModel.AuditHead head) {
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("status").set("audit", JSON.valueToTree(head));
        patch(application, patch);
    }

    /** Writes the status unless it equals the one the Application has: an unchanged app costs no write. */
    public void write(Application application, ApplicationStatusModel next) {
        if (StatusComputer.sameAs(application.getStatus(), next)) {
            return;
        }
        ObjectNode patch = JSON.createObjectNode();
        patch.set("status", JSON.valueToTree(next));
        patch(application, patch);
    }

    private void patch(Application application, ObjectNode patch) {
        Application answer = guard.call(() -> client.resources(Application.class)
                .inNamespace(application.getMetadata().getNamespace())
                .resource(application)
                .subresource("status")
                .patch(MERGE, patch.toString()));
        if (answer != null) {
            written.put(answer.getMetadata().getName(), answer);
        }
    }
}
