package dev.plumbline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.reconciler.apply.ApplyFailure.Cause;
import dev.plumbline.reconciler.apply.ApplyFailure.Retrying;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/** What a person reads when the API server refuses a write the reconciler made as a project's ServiceAccount. */
class ForbiddenAsServiceAccountTest {

    private static final String DEPLOYER = "system:serviceaccount:team-a:deployer";
    private static final ObjectIdentity OLD_SETTINGS =
            ObjectIdentity.namespaced("v1", "ConfigMap", "team-a", "old-settings");

    @Test
    void aRefusedDeleteNamesTheVerbTheObjectAndTheServiceAccount() {
        ApplyFailure failure = ApplyFailure.ofPrune(
                OLD_SETTINGS,
                "team-a",
                new ForbiddenAsServiceAccount(DEPLOYER, "delete", OLD_SETTINGS, "configmaps", true, answer("""
                        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                         "message":"configmaps \\"old-settings\\" is forbidden: User \\"system:serviceaccount:team-a:deployer\\" cannot delete resource \\"configmaps\\" in API group \\"\\" in the namespace \\"team-a\\"",
                         "reason":"Forbidden","details":{"name":"old-settings","kind":"configmaps"},"code":403}""")));

        assertThat(failure.sentence())
                .isEqualTo("the API server refused to delete ConfigMap team-a/old-settings as " + DEPLOYER
                        + ": configmaps \"old-settings\" is forbidden: User \"" + DEPLOYER + "\" cannot delete"
                        + " resource \"configmaps\" in API group \"\" in the namespace \"team-a\"; grant the"
                        + " ServiceAccount delete on configmaps in namespace team-a (a Role and a RoleBinding), or"
                        + " keep the object in Git");
        assertThat(failure.cause()).isEqualTo(Cause.FORBIDDEN_AS_SERVICE_ACCOUNT);
        assertThat(failure.cause().retrying())
                .as("retried with the app's backoff, never in a tight loop")
                .isEqualTo(Retrying.LIMITED);
    }

    @Test
    void theVerbTheApiServerNamesWinsOverTheOneTried() {
        ObjectIdentity deployment = ObjectIdentity.namespaced("apps/v1", "Deployment", "team-b", "web");
        ApplyFailure failure = ApplyFailure.ofApply(
                deployment,
                "team-a",
                new ForbiddenAsServiceAccount(
                        DEPLOYER, ForbiddenAsServiceAccount.APPLY, deployment, "deployments.apps", true, answer("""
                        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                         "message":"deployments.apps \\"web\\" is forbidden: User \\"system:serviceaccount:team-a:deployer\\" cannot create resource \\"deployments\\" in API group \\"apps\\" in the namespace \\"team-b\\"",
                         "reason":"Forbidden","details":{"name":"web","group":"apps","kind":"deployments"},"code":403}""")));

        assertThat(failure.sentence())
                .startsWith("the API server refused to create Deployment team-b/web as " + DEPLOYER + ": ")
                .endsWith("; grant the ServiceAccount create on deployments.apps in namespace team-b (a Role and a"
                        + " RoleBinding), or take the object out of Git");
    }

    @Test
    void creatingTheDestinationNamespaceNeedsAClusterRoleAndAnAnswerWithoutMessageStillSaysWhatWasRefused() {
        ObjectIdentity namespace = ObjectIdentity.clusterScoped("v1", "Namespace", "team-a");
        ApplyFailure failure = ApplyFailure.ofCreateNamespace(
                "team-a",
                new ForbiddenAsServiceAccount(
                        DEPLOYER, ForbiddenAsServiceAccount.APPLY, namespace, "namespaces", false, answer("""
                        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                         "reason":"Forbidden","code":403}""")));

        assertThat(failure.sentence())
                .isEqualTo("the API server refused to apply Namespace team-a as " + DEPLOYER + "; grant the"
                        + " ServiceAccount patch and create on namespaces (a ClusterRole and a ClusterRoleBinding), or"
                        + " create namespace team-a yourself and remove CreateNamespace=true");
        assertThat(failure.cause()).isEqualTo(Cause.FORBIDDEN_AS_SERVICE_ACCOUNT);
    }

    @Test
    void aRefusedCreateOnApplyWhoseAnswerNamesNoVerbAsksForPatchAndCreate() {
        ObjectIdentity settings = ObjectIdentity.namespaced("v1", "ConfigMap", "team-a", "new-settings");
        ApplyFailure failure = ApplyFailure.ofApply(
                settings,
                "team-a",
                new ForbiddenAsServiceAccount(
                        DEPLOYER, ForbiddenAsServiceAccount.APPLY, settings, "configmaps", true, answer("""
                        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                         "message":"configmaps \\"new-settings\\" is forbidden: ","reason":"Forbidden",
                         "details":{"name":"new-settings","kind":"configmaps"},"code":403}""")));

        assertThat(failure.sentence())
                .isEqualTo("the API server refused to apply ConfigMap team-a/new-settings as " + DEPLOYER
                        + ": configmaps \"new-settings\" is forbidden; grant the ServiceAccount patch and create on"
                        + " configmaps in namespace team-a (a Role and a RoleBinding), or take the object out of Git");
    }

    @Test
    void aServiceAccountTheReconcilerMayNotImpersonateNamesTheGrantTheReconcilerLacks() {
        ApplyFailure failure = ApplyFailure.ofPrune(
                OLD_SETTINGS,
                "team-a",
                new ForbiddenAsServiceAccount(DEPLOYER, "delete", OLD_SETTINGS, "configmaps", true, answer("""
                        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                         "message":"serviceaccounts \\"deployer\\" is forbidden: User \\"system:serviceaccount:plumbline:reconciler\\" cannot impersonate resource \\"serviceaccounts\\" in API group \\"\\" in the namespace \\"team-a\\"",
                         "reason":"Forbidden","details":{"name":"deployer","kind":"serviceaccounts"},"code":403}""")));

        assertThat(failure.sentence())
                .isEqualTo("the API server refused to let system:serviceaccount:plumbline:reconciler act as " + DEPLOYER
                        + " (for ConfigMap team-a/old-settings): serviceaccounts \"deployer\" is forbidden: User"
                        + " \"system:serviceaccount:plumbline:reconciler\" cannot impersonate resource"
                        + " \"serviceaccounts\" in API group \"\" in the namespace \"team-a\"; grant"
                        + " system:serviceaccount:plumbline:reconciler impersonate on serviceaccounts named deployer in"
                        + " namespace team-a (a Role and a RoleBinding), or have the project name a ServiceAccount it"
                        + " may impersonate");
        assertThat(failure.cause()).isEqualTo(Cause.FORBIDDEN_AS_SERVICE_ACCOUNT);
    }

    private static KubernetesClientException answer(String json) {
        Status status = new KubernetesSerialization().unmarshal(json, Status.class);
        return new KubernetesClientException(
                "Failure executing: DELETE at: https://127.0.0.1:8090/api/v1/namespaces/team-a/configmaps/old-settings."
                        + " Message: " + status.getMessage() + ". Received status: " + status + ".",
                status.getCode(),
                status);
    }
}
