package dev.plumbline.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reviews of {@code authorization.k8s.io/v1}, answered by the same authorizer that guards every request:
 * SelfSubjectAccessReview ({@code kubectl auth can-i}, also with {@code --as}), SelfSubjectRulesReview
 * ({@code kubectl auth can-i --list}), SubjectAccessReview and LocalSubjectAccessReview (about another user, for
 * those allowed to create them); and {@code authentication.k8s.io/v1} SelfSubjectReview ({@code kubectl auth
 * whoami}). Each is created (201) and answered with its status, never stored.
 */
final class AccessReviews {

    static final String VERSION = "v1";
    private static final String AUTHORIZATION = "authorization.k8s.io";
    private static final String AUTHENTICATION = "authentication.k8s.io";

    /** The review resources: group, plural, kind, namespaced. */
    record Review(String group, String plural, String kind, boolean namespaced) {}

    static final List<Review> REVIEWS = List.of(
            new Review(AUTHENTICATION, "selfsubjectreviews", "SelfSubjectReview", false),
            new Review(AUTHORIZATION, "localsubjectaccessreviews", "LocalSubjectAccessReview", true),
            new Review(AUTHORIZATION, "selfsubjectaccessreviews", "SelfSubjectAccessReview", false),
            new Review(AUTHORIZATION, "selfsubjectrulesreviews", "SelfSubjectRulesReview", false),
            new Review(AUTHORIZATION, "subjectaccessreviews", "SubjectAccessReview", false));

    private final RbacAuthorizer authorizer;

    AccessReviews(RbacAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** Whether the group/version is one of the reviews', which is all these groups serve. */
    static boolean serves(String group, String version) {
        return version.equals(VERSION)
                && REVIEWS.stream().anyMatch(review -> review.group().equals(group));
    }

    /** The answer to a request under {@code /apis/authorization.k8s.io/v1} or {@code authentication.k8s.io/v1}. */
    ObjectNode answer(ApiRequest request) {
        ApiRequest.Target target = request.target().orElseThrow();
        Review review = REVIEWS.stream()
                .filter(candidate -> candidate.group().equals(target.group())
                        && candidate.plural().equals(target.plural())
                        && candidate.namespaced() == !target.namespace().isEmpty())
                .findFirst()
                .orElseThrow(
                        () -> new ApiException(404, "NotFound", "the server could not find the requested resource"));
        if (!request.method().equals("POST") || !target.name().isEmpty()) {
            throw new ApiException(
                    405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        }
        ObjectNode body = KubeJson.readObject(request.body());
        ObjectNode answer = KubeJson.MAPPER
                .createObjectNode()
                .put("kind", review.kind())
                .put("apiVersion", review.group() + "/" + VERSION);
        ObjectNode metadata = answer.putObject("metadata");
        metadata.setAll(body.path("metadata") instanceof ObjectNode sent ? sent : KubeJson.MAPPER.createObjectNode());
        if (!metadata.has("creationTimestamp")) {
            metadata.putNull("creationTimestamp");
        }
        ObjectNode spec = body.path("spec") instanceof ObjectNode sent ? sent : KubeJson.MAPPER.createObjectNode();
        if (!review.plural().equals("selfsubjectreviews")) {
            answer.set("spec", spec);
        }
        answer.set(
                "status",
                switch (review.plural()) {
                    case "selfsubjectreviews" -> whoAmI(request.user());
                    case "selfsubjectrulesreviews" -> rules(request.user(), spec);
                    case "selfsubjectaccessreviews" -> access(review, request.user(), spec);
                    case "localsubjectaccessreviews" -> local(review, spec, target.namespace());
                    default -> access(review, subject(review, spec), spec);
                });
        return answer;
    }

    /** Who the request acts as, impersonation applied. */
    private static ObjectNode whoAmI(UserInfo user) {
        ObjectNode userInfo = KubeJson.MAPPER.createObjectNode().put("username", user.name());
        if (!user.uid().isEmpty()) {
            userInfo.put("uid", user.uid());
        }
        userInfo.set("groups", KubeJson.MAPPER.valueToTree(user.groups()));
        if (!user.extra().isEmpty()) {
            userInfo.set("extra", KubeJson.MAPPER.valueToTree(user.extra()));
        }
        ObjectNode status = KubeJson.MAPPER.createObjectNode();
        status.set("userInfo", userInfo);
        return status;
    }

    private ObjectNode local(Review review, ObjectNode spec, String namespace) {
        if (spec.has("nonResourceAttributes")) {
            throw invalid(
                    review,
                    "spec.nonResourceAttributes: Invalid value: \"object\": disallowed on this kind of request");
        }
        String asked = spec.path("resourceAttributes").path("namespace").asText();
        if (!asked.equals(namespace)) {
            throw new KubeJson.BadRequest("spec.resourceAttributes.namespace must match namespace: " + namespace);
        }
        return access(review, subject(review, spec), spec);
    }

    private ObjectNode access(Review review, UserInfo user, ObjectNode spec) {
        JsonNode resource = spec.path("resourceAttributes");
        JsonNode nonResource = spec.path("nonResourceAttributes");
        if (resource.isObject() && nonResource.isObject()) {
            throw invalid(
                    review,
                    "spec.nonResourceAttributes: Invalid value: \"object\": cannot be specified in "
                            + "combination with resourceAttributes");
        }
        if (!resource.isObject() && !nonResource.isObject()) {
            throw invalid(
                    review,
                    "spec.resourceAttributes: Invalid value: \"null\": exactly one of "
                            + "nonResourceAttributes or resourceAttributes must be specified");
        }
        AuthorizationAttributes asked = resource.isObject()
                ? AuthorizationAttributes.resource(
                        user,
                        text(resource, "verb"),
                        text(resource, "group"),
                        text(resource, "version"),
                        text(resource, "resource"),
                        text(resource, "subresource"),
                        text(resource, "namespace"),
                        text(resource, "name"))
                : AuthorizationAttributes.nonResource(user, text(nonResource, "verb"), text(nonResource, "path"));
        RbacAuthorizer.Decision decision = authorizer.authorize(asked);
        ObjectNode status = KubeJson.MAPPER.createObjectNode().put("allowed", decision.allowed());
        if (!decision.reason().isEmpty()) {
            status.put("reason", decision.reason());
        }
        return status;
    }

    private ObjectNode rules(UserInfo user, ObjectNode spec) {
        String namespace = text(spec, "namespace");
        if (namespace.isEmpty()) {
            throw new KubeJson.BadRequest("no namespace on request");
        }
        RbacAuthorizer.Rules rules = authorizer.rulesFor(user, namespace);
        ObjectNode status = KubeJson.MAPPER.createObjectNode();
        ArrayNode resourceRules = status.putArray("resourceRules");
        ArrayNode nonResourceRules = status.putArray("nonResourceRules");
        for (PolicyRule rule : rules.rules()) {
            if (!rule.resources().isEmpty()) {
                resourceRules.add(rule.toResourceRule());
            }
            if (!rule.nonResourceURLs().isEmpty()) {
                nonResourceRules.add(rule.toNonResourceRule());
            }
        }
        status.put("incomplete", false);
        if (!rules.evaluationError().isEmpty()) {
            status.put("evaluationError", rules.evaluationError());
        }
        return status;
    }

    /** The user a SubjectAccessReview asks about, exactly as given: no group is added. */
    private static UserInfo subject(Review review, ObjectNode spec) {
        String user = text(spec, "user");
        List<String> groups = new ArrayList<>();
        spec.path("groups").forEach(group -> groups.add(group.asText()));
        if (user.isEmpty() && groups.isEmpty()) {
            throw invalid(review, "spec.user: Invalid value: \"\": at least one of user or group must be specified");
        }
        Map<String, List<String>> extra = new LinkedHashMap<>();
        spec.path("extra").properties().forEach(entry -> {
            List<String> values = new ArrayList<>();
            entry.getValue().forEach(value -> values.add(value.asText()));
            extra.put(entry.getKey(), values);
        });
        return new UserInfo(user, text(spec, "uid"), groups, extra);
    }

    private static ApiException invalid(Review review, String problem) {
        return new ApiException(422, "Invalid", review.kind() + "." + review.group() + " \"\" is invalid: " + problem);
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText("");
    }
}
