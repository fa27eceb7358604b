package dev.plumbline.sandbox.kube;

import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The API's gate, in kube-apiserver's order: authentication (bearer tokens, else {@link UserInfo#ADMIN}),
 * impersonation, then authorization of the request by RBAC. A request that passes carries its user on; one that
 * does not is answered 401, 403 or, for malformed impersonation, 500. Requests of {@value UserInfo#MASTERS}
 * members, such as every request without credentials, skip the rule look-ups.
 */
final class AccessControl {

    private final TokenAuthentication tokens;
    private final RbacAuthorizer authorizer;

    AccessControl(TokenAuthentication tokens, RbacAuthorizer authorizer) {
        this.tokens = tokens;
        this.authorizer = authorizer;
    }

    /** The user the request acts as, once it is authenticated, its impersonation allowed and it is authorized. */
    UserInfo admit(RecordedRequest request) {
        UserInfo user = identify(request);
        if (!user.privileged()) {
            AuthorizationAttributes attributes =
                    AuthorizationAttributes.of(user, request.getMethod(), request.getPath());
            RbacAuthorizer.Decision decision = authorizer.authorize(attributes);
            if (!decision.allowed()) {
                throw attributes.forbidden(decision.reason());
            }
        }
        return user;
    }

    /** The user the request acts as, once it is authenticated and its impersonation allowed; not yet authorized. */
    UserInfo identify(RecordedRequest request) {
        Map<String, List<String>> headers = lowerCaseNames(request.getHeaders().toMultimap());
        List<String> authorization = headers.getOrDefault("authorization", List.of());
        UserInfo user = tokens.authenticate(authorization.isEmpty() ? null : authorization.get(0));
        if (Impersonation.requested(headers)) {
            user = Impersonation.apply(user, headers, request.getPath(), authorizer);
        }
        return user;
    }

    /**
     * A server-side apply that creates its object must also be allowed to {@code create} it, as Kubernetes checks
     * once it finds the object missing; refused, it answers 403 with the authorizer's reason alone
     * ({@code configmaps "settings" is forbidden: }, the reason of a plain RBAC denial being empty).
     */
    void requireCreate(ApiRequest request, ResourceType type) {
        if (request.user().privileged()) {
            return;
        }
        ApiRequest.Target target = request.target().orElseThrow();
        AuthorizationAttributes create = AuthorizationAttributes.resource(
                request.user(),
                "create",
                type.group(),
                type.version(),
                type.plural(),
                target.subresource(),
                target.namespace(),
                target.name());
        RbacAuthorizer.Decision decision = authorizer.authorize(create);
        if (!decision.allowed()) {
            throw ApiException.forbidden(type.group(), type.plural(), target.name(), decision.reason());
        }
    }

    RbacAuthorizer authorizer() {
        return authorizer;
    }

    private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new HashMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .addAll(values));
        return lower;
    }
}
