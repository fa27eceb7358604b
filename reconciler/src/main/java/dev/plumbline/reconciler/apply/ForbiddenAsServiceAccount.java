package dev.plumbline.reconciler.apply;

import dev.plumbline.events.manifest.ObjectIdentity;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.regex.Matcher;

/**
 * The API server answered 403 to a request the reconciler made as a project's ServiceAccount: the ServiceAccount
 * lacks the permission, or the reconciler may not impersonate it; only an administrator's Role can change either. It
 * keeps the API's answer (code, status) and adds what the answer may not say, in a form a person can act on.
 */
public class ForbiddenAsServiceAccount extends KubernetesClientException {

    /** The attempted verb of a server-side apply. */
    public static final String APPLY = "apply";

    private static final long serialVersionUID = 1L;

    private final String user;
    private final String attemptedVerb;
    private final transient ObjectIdentity object;
    private final String resource;
    private final boolean namespaced;

    /**
     * @param user          the impersonated user, {@code system:serviceaccount:NAMESPACE:NAME}
     * @param attemptedVerb the RBAC verb of the request (patch, delete, watch), or {@value #APPLY} for a server-side
     *                      apply, which needs patch, and create when it creates the object
     * @param resource      the resource as RBAC names it: {@code configmaps}, {@code deployments.apps}
     * @param namespaced    whether the object lives in a namespace (a Role grants it) or not (a ClusterRole does)
     * @param answer        the API server's answer
     */
    public ForbiddenAsServiceAccount(
            String user,
            String attemptedVerb,
            ObjectIdentity object,
            String resource,
            boolean namespaced,
            KubernetesClientException answer) {
        super(answer.getMessage(), answer.getCode(), answer.getStatus());
        this.user = user;
        this.attemptedVerb = attemptedVerb;
        this.object = object;
        this.resource = resource;
        this.namespaced = namespaced;
    }

    /**
     * The refusal as one sentence: what was refused as whom, the API server's words, and the fix.
     *
     * @param otherwise the way out that needs no new permission, such as "keep the object in Git"
     */
    String sentence(String otherwise) {
        String message = getStatus() == null || getStatus().getMessage() == null
                ? ""
                : getStatus().getMessage().lines().findFirst().orElse("").strip();
        if (message.endsWith(":")) {
            // "configmaps "x" is forbidden: " followed by the authorizer's reason, empty for a plain RBAC denial
            message = message.substring(0, message.length() - 1);
        }
        Matcher said = ApplyFailure.FORBIDDEN_MESSAGE.matcher(message);
        boolean named = said.find();
        String what = object.kind() + " "
                + (object.namespace() == null ? object.name() : object.namespace() + "/" + object.name());
        if (named && !said.group(1).equals(user)) {
            return impersonationRefused(said.group(1), what, message);
        }
        String verb = named ? said.group(2) : attemptedVerb;
        // a refused create-on-apply check names no verb (its reason is empty for a plain RBAC denial)
        String needed = verb.equals(APPLY) ? "patch and create" : verb;
        String grant = namespaced
                ? " in namespace " + object.namespace() + " (a Role and a RoleBinding)"
                : " (a ClusterRole and a ClusterRoleBinding)";
        return "the API server refused to " + verb + " " + what + " as " + user
                + (message.isEmpty() ? "" : ": " + message)
                + "; grant the ServiceAccount " + needed + " on " + resource + grant + ", or " + otherwise;
    }

    /** The reconciler itself may not act as the ServiceAccount: the 403 names the reconciler, not the account. */
    private String impersonationRefused(String requester, String what, String message) {
        String[] account = user.split(":");
        String named = account.length == 4
                ? " named " + account[3] + " in namespace " + account[2] + " (a Role and a RoleBinding)"
                : "";
        return "the API server refused to let " + requester + " act as " + user + " (for " + what + "): " + message
                + "; grant " + requester + " impersonate on serviceaccounts" + named
                + ", or have the project name a ServiceAccount it may impersonate";
    }
}
