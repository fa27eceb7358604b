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

/**
 * Writes an Application's status with a JSON merge patch of the status subresource: no resourceVersion to race on,
 * and the drift summary, which another consumer may write, is patched on its own.
 */
@ApplicationScoped
public class StatusWriter {

    private static final PatchContext MERGE = new PatchContext.Builder().withPatchType(PatchType.JSON_MERGE)
            .withFieldManager("plumbline").build();
    // includes nulls, so that the merge patch clears what no longer holds
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KubernetesClient client;
    @Inject
    ClusterGuard guard;

    /** Writes the status unless it equals the one the Application has: an unchanged app costs no write. */
    public void write(Application application, ApplicationStatusModel next) {
        if (StatusComputer.sameAs(application.getStatus(), next)) {
            return;
        }
        ObjectNode status = JSON.valueToTree(next);
        status.remove("drift");
        patch(application, status);
    }

    /** Writes the drift summary alone; null clears it. */
    public void writeDrift(Application application, ApplicationStatusModel.DriftSummary drift) {
        ObjectNode status = JSON.createObjectNode();
        status.set("drift", JSON.valueToTree(drift));
        patch(application, status);
    }

    private void patch(Application application, ObjectNode status) {
        ObjectNode patch = status.objectNode();
        patch.set("status", status);
        guard.call(() -> client.resources(Application.class).inNamespace(application.getMetadata().getNamespace())
                .withName(application.getMetadata().getName()).subresource("status").patch(MERGE, patch.toString()));
    }
}
