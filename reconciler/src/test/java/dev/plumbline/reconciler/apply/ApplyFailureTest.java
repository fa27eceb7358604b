package dev.plumbline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.reconciler.apply.ApplyFailure.Cause;
import dev.plumbline.reconciler.apply.ApplyFailure.Retrying;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

/** API answers as the API server sends them, read by fabric8 as it reads them, and the sentence each becomes. */
class ApplyFailureTest {

    private static final ObjectIdentity SERVICE = ObjectIdentity.namespaced("v1", "Service", "shop", "web");
    private static final ObjectIdentity DEPLOYMENT = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web");

    @Test
    void aMissingDestinationNamespaceNamesItAndBothWaysToCreateIt() {
        ApplyFailure failure = ApplyFailure.ofApply(SERVICE, "shop", answer("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"namespaces \\"shop\\" not found","reason":"NotFound",
                 "details":{"name":"shop","kind":"namespaces"},"code":404}"""));

        assertThat(failure.sentence())
                .isEqualTo("Service v1 shop/web was not applied: namespace \"shop\" does not "
                        + "exist; create it, or add syncOptions: [CreateNamespace=true] to the Application");
        assertThat(failure.cause()).isEqualTo(Cause.NAMESPACE_MISSING);
        assertThat(failure.cause().retrying()).isEqualTo(Retrying.UNTIL_IT_PASSES);
        assertThat(failure.waitingForNamespace()).isEqualTo("shop");
    }

    @Test
    void aMissingNamespaceOtherThanTheDestinationIsNotOfferedCreateNamespace() {
        ApplyFailure failure = ApplyFailure.ofApply(
                ObjectIdentity.namespaced("batch/v1", "Job", "shop-jobs", "x"), "shop", answer("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"namespaces \\"shop-jobs\\" not found","reason":"NotFound",
                 "details":{"name":"shop-jobs","kind":"namespaces"},"code":404}"""));

        assertThat(failure.sentence())
                .isEqualTo(
                        "Job batch/v1 shop-jobs/x was not applied: namespace \"shop-jobs\" "
                                + "does not exist; create it (CreateNamespace=true creates only the destination namespace, shop)");
        assertThat(failure.waitingForNamespace()).isEqualTo("shop-jobs");
    }

    @Test
    void aKindTheServerDoesNotServeAsksForItsCrd() {
        ObjectIdentity widget = ObjectIdentity.namespaced("example.com/v1", "Widget", "shop", "w");
        ApplyFailure failure = ApplyFailure.ofApply(widget, "shop", answer("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"the server could not find the requested resource","reason":"NotFound",
                 "details":{},"code":404}"""));

        assertThat(failure.sentence())
                .isEqualTo("Widget example.com/v1 shop/w was not applied: the API server does "
                        + "not serve kind Widget of group example.com at version v1; install the CustomResourceDefinition "
                        + "that defines it, or apply it earlier (in this app, where CRDs go first, or in an app synced "
                        + "before this one)");
        assertThat(failure.cause()).isEqualTo(Cause.KIND_NOT_SERVED);
        assertThat(failure.cause().retrying()).isEqualTo(Retrying.UNTIL_IT_PASSES);
        assertThat(ApplyFailure.ofApply(widget, "shop", new KindNotServedException(widget))
                        .sentence())
                .isEqualTo(failure.sentence());
    }

    @Test
    void forbiddenNamesTheVerbTheResourceAndTheReconcilersIdentity() {
        ApplyFailure failure = ApplyFailure.ofApply(DEPLOYMENT, "shop", answer("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"deployments.apps \\"web\\" is forbidden: User \\"system:serviceaccount:plumbline:reconciler\\" cannot patch resource \\"deployments\\" in API group \\"apps\\" in the namespace \\"shop\\"",
                 "reason":"Forbidden","details":{"name":"web","group":"apps","kind":"deployments"},"code":403}"""));

        assertThat(failure.sentence())
                .isEqualTo("Deployment apps/v1 shop/web was not applied: the reconciler "
                        + "(system:serviceaccount:plumbline:reconciler) may not patch deployments.apps in namespace \"shop\"; "
                        + "grant it with RBAC (a ClusterRole labelled plumbline.dev/aggregate-to-reconciler=true)");
        assertThat(failure.cause()).isEqualTo(Cause.FORBIDDEN);
        assertThat(failure.cause().retrying()).isEqualTo(Retrying.LIMITED);
    }

    @Test
    void forbiddenWithoutAUserInTheMessageStillNamesVerbAndResource() {
        ApplyFailure failure = ApplyFailure.ofPrune(DEPLOYMENT, "shop", answer("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"forbidden",
                 "reason":"Forbidden","details":{"name":"web","group":"apps","kind":"deployments"},"code":403}"""));

        assertThat(failure.sentence())
                .isEqualTo("Deployment apps/v1 shop/web was not pruned: the reconciler may not "
                        + "delete deployments.apps in namespace \"shop\"; grant it with RBAC (a ClusterRole labelled "
                        + "plumbline.dev/aggregate-to-reconciler=true)");
    }

    @Test
    void aFieldManagerConflictNamesTheFieldsAndTheirManagers() {
        ApplyFailure failure = ApplyFailure.ofApply(DEPLOYMENT, "shop", answer("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"Apply failed with 2 conflicts: conflict with \\"kubectl-client-side-apply\\" using apps/v1: .spec.replicas\\nconflict with \\"hpa-controller\\" using apps/v1: .spec.template.spec.containers[name=\\"web\\"].image",
                 "reason":"Conflict","details":{"causes":[
                   {"reason":"FieldManagerConflict","message":"conflict with \\"kubectl-client-side-apply\\" using apps/v1","field":".spec.replicas"},
                   {"reason":"FieldManagerConflict","message":"conflict with \\"hpa-controller\\" using apps/v1","field":".spec.template.spec.containers[name=\\"web\\"].image"}]},
                 "code":409}"""));

        assertThat(failure.sentence())
                .isEqualTo("Deployment apps/v1 shop/web was not applied: fields owned by "
                        + "other field managers: .spec.replicas (kubectl-client-side-apply), "
                        + ".spec.template.spec.containers[name=\"web\"].image (hpa-controller); remove these fields from the "
                        + "manifest in Git, or stop the other managers from writing them");
        assertThat(failure.cause()).isEqualTo(Cause.CONFLICT);
    }

    @Test
    void anInvalidObjectGivesTheApisOwnCausesAndIsNotRetried() {
        ApplyFailure failure = ApplyFailure.ofApply(DEPLOYMENT, "shop", answer("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"Deployment.apps \\"web\\" is invalid: [spec.template.spec.containers[0].image: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]",
                 "reason":"Invalid","details":{"name":"web","group":"apps","kind":"Deployment","causes":[
                   {"reason":"FieldValueRequired","message":"Required value","field":"spec.template.spec.containers[0].image"},
                   {"reason":"FieldValueInvalid","message":"Invalid value: -1: must be greater than or equal to 0","field":"spec.replicas"}]},
                 "code":422}"""));

        assertThat(failure.sentence())
                .isEqualTo("Deployment apps/v1 shop/web was not applied: the API server "
                        + "rejected it as invalid: spec.template.spec.containers[0].image: Required value; spec.replicas: "
                        + "Invalid value: -1: must be greater than or equal to 0; fix the manifest in Git");
        assertThat(failure.cause()).isEqualTo(Cause.INVALID);
        assertThat(failure.cause().retrying()).isEqualTo(Retrying.NEVER);
    }

    @Test
    void aServerErrorIsRetriedUntilItPasses() {
        ApplyFailure failure = ApplyFailure.ofApply(SERVICE, "shop", answer("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"etcdserver: request timed out","reason":"InternalError","code":500}"""));

        assertThat(failure.sentence())
                .isEqualTo("Service v1 shop/web was not applied: the API server failed "
                        + "(500: etcdserver: request timed out); will retry");
        assertThat(failure.cause()).isEqualTo(Cause.API_UNREACHABLE);
        assertThat(failure.cause().retrying()).isEqualTo(Retrying.UNTIL_IT_PASSES);
    }

    @Test
    void noAnswerAtAllSaysTheApiServerIsUnreachable() {
        // fabric8's wrapping of a request that got no HTTP answer: code 0, the I/O failure as the cause
        var refused =
                new KubernetesClientException("An error has occurred.", new ConnectException("Connection refused"));
        var timedOut = new KubernetesClientException("An error has occurred.", new SocketTimeoutException("timeout"));

        assertThat(ApplyFailure.ofApply(SERVICE, "shop", refused).sentence())
                .isEqualTo("Service v1 shop/web was "
                        + "not applied: the API server could not be reached (connection refused); will retry");
        assertThat(ApplyFailure.ofApply(SERVICE, "shop", timedOut).sentence())
                .isEqualTo("Service v1 shop/web was "
                        + "not applied: the API server could not be reached (timed out); will retry");
        assertThat(ApplyFailure.ofApply(SERVICE, "shop", new CircuitBreakerOpenException("kubernetes-api"))
                        .sentence())
                .isEqualTo("Service v1 shop/web was not applied: the API server could not be reached "
                        + "(it failed repeatedly, calls are paused for a while); will retry");
        assertThat(ApplyFailure.ofApply(SERVICE, "shop", refused).cause()).isEqualTo(Cause.API_UNREACHABLE);
    }

    @Test
    void noSentenceCarriesTheExceptionText() {
        KubernetesClientException answer = answer("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"namespaces \\"shop\\" not found","reason":"NotFound",
                 "details":{"name":"shop","kind":"namespaces"},"code":404}""");

        assertThat(ApplyFailure.ofApply(SERVICE, "shop", answer).sentence())
                .doesNotContain("Failure executing", "Status(", "http", "Exception");
    }

    @Test
    void anyOtherAnswerIsTheApisMessageWithItsCode() {
        ApplyFailure failure = ApplyFailure.ofApply(SERVICE, "shop", answer("""
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"the body of the request was in an unknown format","reason":"UnsupportedMediaType",
                 "code":415}"""));

        assertThat(failure.sentence())
                .isEqualTo("Service v1 shop/web was not applied: the API server answered 415: "
                        + "the body of the request was in an unknown format");
        assertThat(failure.cause()).isEqualTo(Cause.OTHER);
    }

    /** What fabric8 throws for an API answer: the Status, and its own message around it. */
    private static KubernetesClientException answer(String json) {
        Status status = new KubernetesSerialization().unmarshal(json, Status.class);
        return new KubernetesClientException(
                "Failure executing: PATCH at: https://127.0.0.1:8090/api/v1/namespaces"
                        + "/shop/services/web?fieldManager=plumbline&force=true. Message: " + status.getMessage()
                        + ". Received status: " + status + ".",
                status.getCode(),
                status);
    }
}
