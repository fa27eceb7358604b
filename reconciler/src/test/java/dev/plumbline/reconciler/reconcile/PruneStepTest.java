package dev.plumbline.reconciler.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.project.NamespaceResources;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.project.ServiceAccountRef;
import dev.plumbline.events.vocabulary.ApplyOperation;
import dev.plumbline.events.vocabulary.ApplyResult;
import dev.plumbline.reconciler.apply.ApplyFailure;
import dev.plumbline.reconciler.apply.Deletion;
import dev.plumbline.reconciler.apply.ForbiddenAsServiceAccount;
import dev.plumbline.reconciler.apply.Impersonation;
import dev.plumbline.reconciler.apply.ObjectApplier;
import dev.plumbline.reconciler.reconcile.ReconcileContext.ObjectOutcome;
import dev.plumbline.reconciler.reconcile.ReconcileOutcome.SyncFailed;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A prune whose delete the API server refuses to the project's ServiceAccount. */
class PruneStepTest {

    private static final String DEPLOYER = "system:serviceaccount:team-a:deployer";

    private final List<String> deletes = new ArrayList<>();
    private final SyncSteps steps = new SyncSteps();

    @Test
    void aRefusedDeleteFailsThePruneNamingTheServiceAccountAndDeletesNothingAfterIt() {
        steps.applier = new RefusingDeletes();
        ReconcileContext context = pruning(configMap("old-settings"), configMap("older-settings"));

        steps.prune(context);

        assertThat(deletes).as("deletes sent, each with its user").containsExactly("old-settings as " + DEPLOYER);
        List<ObjectOutcome> outcomes = context.outcomes();
        assertThat(outcomes).extracting(ObjectOutcome::result).containsExactly(ApplyResult.FAILED, ApplyResult.SKIPPED);
        assertThat(outcomes).extracting(ObjectOutcome::operation).containsOnly(ApplyOperation.PRUNE);
        assertThat(outcomes.get(0).error())
                .startsWith("the API server refused to delete ConfigMap team-a/old-settings as " + DEPLOYER);
        assertThat(outcomes.get(1).error()).isEqualTo("not pruned: the delete of an object before it failed");
        SyncFailed failed = (SyncFailed) context.outcome();
        assertThat(failed.failure().cause()).isEqualTo(ApplyFailure.Cause.FORBIDDEN_AS_SERVICE_ACCOUNT);
        assertThat(failed.failure().sentence()).isEqualTo(outcomes.get(0).error());
    }

    private static ReconcileContext pruning(JsonNode... live) {
        ProjectPolicy teamA = new ProjectPolicy(
                "team-a",
                true,
                1,
                List.of("**"),
                List.of(ProjectDestination.of("team-a")),
                List.of(),
                NamespaceResources.ANY,
                ServiceAccountRef.parse("deployer"),
                List.of());
        return PruningContexts.pruning("settings", "https://git.example.com/team-a.git", "team-a", teamA, live);
    }

    private static JsonNode configMap(String name) {
        ObjectNode body =
                JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        body.putObject("metadata").put("name", name).put("namespace", "team-a");
        return body;
    }

    /** An API server that refuses every delete, as to a ServiceAccount whose Role lacks the verb. */
    private final class RefusingDeletes extends ObjectApplier {

        RefusingDeletes() {
            super(null, null, null, null);
        }

        @Override
        public Deletion delete(ObjectIdentity object, String uid, Impersonation as) {
            String user = as.userFor(object.namespace()).orElse("the reconciler itself");
            deletes.add(object.name() + " as " + user);
            throw new ForbiddenAsServiceAccount(
                    user,
                    "delete",
                    object,
                    "configmaps",
                    true,
                    new KubernetesClientException(
                            "forbidden",
                            403,
                            new StatusBuilder()
                                    .withCode(403)
                                    .withReason("Forbidden")
                                    .withMessage("configmaps \"" + object.name() + "\" is forbidden: User \"" + user
                                            + "\" cannot delete resource \"configmaps\" in API group \"\" in the"
                                            + " namespace \"team-a\"")
                                    .build()));
        }
    }
}
