package dev.plumbline.reconciler.apply;

import dev.plumbline.events.manifest.ObjectIdentity;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * A write to the cluster that failed, as one sentence a person can act on: the object, the cause in the API server's
 * terms, and the fix. The exception itself (fabric8's text holds the URL and the whole {@code Status}) belongs in the
 * log, never in a status, an event or a notification.
 *
 * @param sentence            what the condition, the apply action and the notification say
 * @param cause               what kind of failure it is, which decides how it is retried
 * @param waitingForNamespace the missing namespace whose creation lets the write pass; null for other causes
 */
public record ApplyFailure(String sentence, Cause cause, String waitingForNamespace) {

    /** How a failed sync is tried again. */
    public enum Retrying {
        /** A cause that goes away by itself or by someone else's hand: retried with capped backoff, never given up. */
        UNTIL_IT_PASSES,
        /** Retried as the Application's {@code retry} says, then left until the desired state changes. */
        LIMITED,
        /** The same manifest fails the same way: not retried until the desired state changes. */
        NEVER
    }

    /** The causes the API server's answers come down to; the name is the condition's reason. */
    public enum Cause {
        NAMESPACE_MISSING("NamespaceMissing", Retrying.UNTIL_IT_PASSES),
        KIND_NOT_SERVED("KindNotServed", Retrying.UNTIL_IT_PASSES),
        FORBIDDEN("Forbidden", Retrying.LIMITED),
        /**
         * Refused to a project's ServiceAccount: an administrator decided, or has yet to grant it. Retried as the
         * Application says, so a grant made meanwhile is found, then left until the desired state changes.
         */
        FORBIDDEN_AS_SERVICE_ACCOUNT("ServiceAccountForbidden", Retrying.LIMITED),
        CONFLICT("Conflict", Retrying.LIMITED),
        INVALID("Invalid", Retrying.NEVER),
        API_UNREACHABLE("ApiServerUnreachable", Retrying.UNTIL_IT_PASSES),
        OTHER("ApplyFailed", Retrying.LIMITED);

        private final String reason;
        private final Retrying retrying;

        Cause(String reason, Retrying retrying) {
            this.reason = reason;
            this.retrying = retrying;
        }

        public String reason() {
            return reason;
        }

        public Retrying retrying() {
            return retrying;
        }
    }

    static final Pattern FORBIDDEN_MESSAGE =
            Pattern.compile("User \"([^\"]+)\" cannot (\\S+) resource \"([^\"]+)\" in API group \"([^\"]*)\"");
    private static final Pattern CONFLICT_MANAGER = Pattern.compile("conflict with \"([^\"]+)\"");

    /** A server-side apply (or a patch after it) of a desired object that failed. */
    public static ApplyFailure ofApply(ObjectIdentity object, String destinationNamespace, Throwable failure) {
        return of(object, destinationNamespace, "applied", "patch", "take the object out of Git", failure);
    }

    /** The delete of a pruned object that failed. */
    public static ApplyFailure ofPrune(ObjectIdentity object, String destinationNamespace, Throwable failure) {
        return of(object, destinationNamespace, "pruned", "delete", "keep the object in Git", failure);
    }

    /** The creation of the destination namespace ({@code CreateNamespace=true}) that failed. */
    public static ApplyFailure ofCreateNamespace(String namespace, Throwable failure) {
        return of(
                ObjectIdentity.clusterScoped("v1", "Namespace", namespace),
                namespace,
                "applied",
                "patch",
                "create namespace " + namespace + " yourself and remove CreateNamespace=true",
                failure);
    }

    private static ApplyFailure of(
            ObjectIdentity object, String destination, String done, String verb, String otherwise, Throwable failure) {
        if (failure instanceof ForbiddenAsServiceAccount refused) {
            return new ApplyFailure(refused.sentence(otherwise), Cause.FORBIDDEN_AS_SERVICE_ACCOUNT, null);
        }
        String start = object + " was not " + done + ": ";
        if (failure instanceof KindNotServedException) {
            return kindNotServed(start, object);
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return unreachable(start, "it failed repeatedly, calls are paused for a while");
        }
        if (!(failure instanceof KubernetesClientException api)) {
            return new ApplyFailure(start + firstLine(failure), Cause.OTHER, null);
        }
        Status status = api.getStatus();
        int code = api.getCode();
        String message = status == null || status.getMessage() == null ? "" : status.getMessage();
        StatusDetails details = status == null ? null : status.getDetails();
        if (code <= 0) {
            // no HTTP answer at all: fabric8 leaves the code at 0 or -1 and keeps the I/O failure as the cause
            return unreachable(start, noAnswer(api));
        }
        return switch (code) {
            case 404 -> notFound(start, object, destination, message, details);
            case 403 -> forbidden(start, object, verb, message, details);
            case 409 -> conflict(start, message, details);
            case 422 ->
                new ApplyFailure(
                        start + "the API server rejected it as invalid: " + causes(message, details)
                                + "; fix the manifest in Git",
                        Cause.INVALID,
                        null);
            case 429 -> unreachable(start, "429: it is throttling requests");
            default ->
                code >= 500
                        ? new ApplyFailure(
                                start + "the API server failed (" + code + ": " + message + "); will retry",
                                Cause.API_UNREACHABLE,
                                null)
                        : new ApplyFailure(
                                start + "the API server answered " + code + ": " + message, Cause.OTHER, null);
        };
    }

    private static ApplyFailure notFound(
            String start, ObjectIdentity object, String destination, String message, StatusDetails details) {
        String missing = details == null ? null : details.getName();
        if (details != null
                && "namespaces".equals(details.getKind())
                && missing != null
                && missing.equals(object.namespace())) {
            String fix = missing.equals(destination)
                    ? "create it, or add syncOptions: [CreateNamespace=true] to the Application"
                    : "create it (CreateNamespace=true creates only the destination namespace, " + destination + ")";
            return new ApplyFailure(
                    start + "namespace \"" + missing + "\" does not exist; " + fix, Cause.NAMESPACE_MISSING, missing);
        }
        if (missing == null || missing.isEmpty()) {
            return kindNotServed(start, object);
        }
        return new ApplyFailure(start + "the API server answered 404: " + message, Cause.OTHER, null);
    }

    private static ApplyFailure kindNotServed(String start, ObjectIdentity object) {
        String group = object.group().isEmpty() ? "" : " of group " + object.group();
        return new ApplyFailure(
                start + "the API server does not serve kind " + object.kind() + group
                        + " at version " + object.version()
                        + "; install the CustomResourceDefinition that defines it, or "
                        + "apply it earlier (in this app, where CRDs go first, or in an app synced before this one)",
                Cause.KIND_NOT_SERVED,
                null);
    }

    private static ApplyFailure forbidden(
            String start, ObjectIdentity object, String attemptedVerb, String message, StatusDetails details) {
        Matcher parts = FORBIDDEN_MESSAGE.matcher(message);
        String user = null;
        String verb = attemptedVerb;
        String resource;
        if (parts.find()) {
            user = parts.group(1);
            verb = parts.group(2);
            resource = parts.group(3) + (parts.group(4).isEmpty() ? "" : "." + parts.group(4));
        } else if (details != null && details.getKind() != null) {
            resource = details.getKind()
                    + (details.getGroup() == null || details.getGroup().isEmpty() ? "" : "." + details.getGroup());
        } else {
            resource = object.kind() + (object.group().isEmpty() ? "" : "." + object.group());
        }
        String where = object.namespace() == null ? "" : " in namespace \"" + object.namespace() + "\"";
        return new ApplyFailure(
                start + "the reconciler" + (user == null ? "" : " (" + user + ")") + " may not "
                        + verb + " " + resource + where + "; grant it with RBAC (a ClusterRole labelled "
                        + "plumbline.dev/aggregate-to-reconciler=true)",
                Cause.FORBIDDEN,
                null);
    }

    private static ApplyFailure conflict(String start, String message, StatusDetails details) {
        List<StatusCause> causes = details == null || details.getCauses() == null ? List.of() : details.getCauses();
        List<String> owned = causes.stream()
                .filter(c -> c.getField() != null)
                .map(c -> {
                    Matcher manager = CONFLICT_MANAGER.matcher(Objects.toString(c.getMessage(), ""));
                    return c.getField() + (manager.find() ? " (" + manager.group(1) + ")" : "");
                })
                .toList();
        if (owned.isEmpty()) {
            return new ApplyFailure(
                    start + "it changed while being written (409: " + message + ")", Cause.CONFLICT, null);
        }
        return new ApplyFailure(
                start + "fields owned by other field managers: " + String.join(", ", owned)
                        + "; remove these fields from the manifest in Git, or stop the other managers from writing them",
                Cause.CONFLICT,
                null);
    }

    /** The API's own causes, {@code field: message}, or its message when it gives none. */
    private static String causes(String message, StatusDetails details) {
        if (details == null
                || details.getCauses() == null
                || details.getCauses().isEmpty()) {
            return message;
        }
        return details.getCauses().stream()
                .map(c -> c.getField() == null ? c.getMessage() : c.getField() + ": " + c.getMessage())
                .collect(Collectors.joining("; "));
    }

    private static ApplyFailure unreachable(String start, String why) {
        return new ApplyFailure(
                start + "the API server could not be reached (" + why + "); will retry", Cause.API_UNREACHABLE, null);
    }

    private static String noAnswer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof SocketTimeoutException
                    || cause instanceof HttpTimeoutException
                    || cause instanceof TimeoutException) {
                return "timed out";
            }
        }
        return "no answer";
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
