package dev.plumbline.cli.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.PlumblineServiceUrl;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.connect.ServiceClient;
import java.io.IOException;

/**
 * The image-updater's REST API as the CLI uses it (IMAGE_UPDATER_URL): the watched images, and the two writes a
 * promote token allows, a promotion and a drift export, each answered with the pull request or commit it made.
 */
public final class ImageUpdater {

    /** The variable holding the promote token; {@code plumb up} writes one into its env file. */
    public static final String TOKEN_VARIABLE = "PLUMBLINE_PROMOTE_TOKEN";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunEnvironment environment;
    private final ServiceClient service;

    public ImageUpdater(RunEnvironment environment) {
        this.environment = environment;
        this.service = environment.service(PlumblineServiceUrl.IMAGE_UPDATER);
    }

    /**
     * What a write made: a pull request (its URL) or, for a direct promotion, a commit on the target branch; neither
     * when there was nothing to change, which {@code message} then says.
     */
    public record Change(String pullRequestUrl, String commit, String message) {

        /** The pull request's URL, else the commit, else the image-updater's message: what a CI script keeps. */
        public String outcome() {
            return pullRequestUrl != null ? pullRequestUrl : commit != null ? commit : message;
        }
    }

    /** Every image of every Application, with its policy and state, as the image-updater lists them. */
    public JsonNode images() {
        return tree(service.call("/api/images", "application/json"), "/api/images");
    }

    /** Asks for {@code image} (a reference pinned by digest) to be promoted into {@code app}'s config repository. */
    public Change promote(String app, String image, boolean direct) {
        ObjectNode body =
                JSON.createObjectNode().put("app", app).put("image", image).put("direct", direct);
        return change(write("/api/promotions", body, app, "promote " + image + " into"));
    }

    /** Asks for a pull request carrying {@code patch} (the drift-auditor's unified diff) into {@code app}'s repo. */
    public Change exportDrift(String app, String patch) {
        ObjectNode body = JSON.createObjectNode().put("app", app).put("patch", patch);
        return change(write("/api/drift-exports", body, app, "open a pull request for the drift of"));
    }

    private JsonNode write(String path, ObjectNode body, String app, String what) {
        String token = environment
                .optional(TOKEN_VARIABLE)
                .orElseThrow(() -> new CommandFailedException(TOKEN_VARIABLE + " is not set: the image-updater "
                        + "needs a promote token to " + what + " " + app + ". ./plumb up writes one into "
                        + ".plumbline/run/env; in CI, export the token the image-updater's "
                        + "plumbline.promote-tokens settings name"));
        ServiceClient.Answer answer = service.post(path, body.toString(), token);
        return switch (answer.status()) {
            case 401 ->
                throw new CommandFailedException("the image-updater refused the token in " + TOKEN_VARIABLE + " (401): "
                        + answer.errorMessage() + "; check that it is one of its promote tokens");
            // the token's apps do not include the app, or its policy does not allow what was asked (--direct)
            case 403 ->
                throw new CommandFailedException(
                        "the image-updater may not " + what + " " + app + " (403): " + answer.errorMessage());
            default -> {
                if (answer.status() == 404) {
                    throw new CommandFailedException(
                            answer.errorMessage() + "; is it an Application, and has the image-updater read it yet?");
                }
                if (!answer.ok()) {
                    throw new CommandFailedException("the image-updater could not " + what + " " + app + " ("
                            + answer.status() + "): " + answer.errorMessage());
                }
                yield tree(answer, path);
            }
        };
    }

    private static Change change(JsonNode answer) {
        String url = text(answer, "pullRequestUrl");
        String commit = text(answer, "commit");
        String message = text(answer, "message");
        if (url == null && commit == null && message == null) {
            throw new CommandFailedException(
                    "the image-updater's answer names neither a pull request nor a commit: " + answer);
        }
        return new Change(url, commit, message);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static JsonNode tree(ServiceClient.Answer answer, String path) {
        try {
            return JSON.readTree(answer.successfulBody());
        } catch (IOException e) {
            throw new CommandFailedException(
                    "the image-updater's answer to " + path + " is not JSON: " + e.getMessage());
        }
    }
}
