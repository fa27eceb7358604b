package dev.plumbline.reconciler.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.reconciler.cluster.ResourceType;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A delete that names the UID of the object it decided to delete ({@code DeleteOptions.preconditions.uid}), in the
 * background as kubectl does. The API server checks the UID in the same step as the delete, so an object deleted and
 * created again under the same name since the decision (by someone else, for something else) is answered 409 and
 * kept. fabric8's delete can only name a resourceVersion, which every status update changes, so the request is sent
 * on the client's own HTTP client: its impersonation, credentials and request counting apply as to any other call.
 */
final class PreconditionedDelete {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PreconditionedDelete() {}

    static Deletion send(KubernetesClient client, ResourceType type, ObjectIdentity object, String uid) {
        ObjectNode options = JSON.createObjectNode()
                .put("apiVersion", "v1")
                .put("kind", "DeleteOptions")
                .put("propagationPolicy", "Background");
        options.putObject("preconditions").put("uid", uid);
        HttpClient http = client.getHttpClient();
        HttpRequest request = http.newHttpRequestBuilder()
                .uri(url(client, type, object))
                .delete("application/json", options.toString())
                .build();
        HttpResponse<String> response = answer(client, http, request);
        int code = response.code();
        if (code == 200 || code == 202) {
            return Deletion.DELETED;
        }
        if (code == 404) {
            return Deletion.ALREADY_GONE;
        }
        if (code == 409) {
            return Deletion.NOT_THE_OBJECT_DECIDED_ON;
        }
        throw failure(client, code, response.body());
    }

    private static HttpResponse<String> answer(KubernetesClient client, HttpClient http, HttpRequest request) {
        long timeout = client.getConfiguration().getRequestTimeout();
        try {
            var answer = http.sendAsync(request, String.class);
            return timeout > 0 ? answer.get(timeout, TimeUnit.MILLISECONDS) : answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException("interrupted while deleting", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new KubernetesClientException("the delete got no answer: " + cause.getMessage(), cause);
        }
    }

    /** The API server's Status as fabric8 reads it for any other call, so failures read the same. */
    private static KubernetesClientException failure(KubernetesClient client, int code, String body) {
        try {
            Status status = client.getKubernetesSerialization().unmarshal(body, Status.class);
            if (status != null && status.getCode() != null) {
                return new KubernetesClientException(status);
            }
        } catch (RuntimeException unreadable) {
            // not a Status (a proxy's page, say): the code and text are all there is
        }
        return new KubernetesClientException("the delete was answered " + code + ": " + body, code, null);
    }

    private static String url(KubernetesClient client, ResourceType type, ObjectIdentity object) {
        String base = client.getMasterUrl().toString().replaceAll("/+$", "");
        StringBuilder path = new StringBuilder(base)
                .append(
                        type.group().isEmpty()
                                ? "/api/" + type.version()
                                : "/apis/" + type.group() + "/" + type.version());
        if (type.namespaced()) {
            path.append("/namespaces/").append(object.namespace());
        }
        return path.append('/')
                .append(type.plural())
                .append('/')
                .append(object.name())
                .toString();
    }
}
