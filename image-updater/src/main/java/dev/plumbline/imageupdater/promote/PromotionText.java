package dev.plumbline.imageupdater.promote;

import java.util.List;
import java.util.Optional;

/**
 * The words of a promotion: the pull request's title and body, and the commit message with the trailers that let
 * the merge be recognised whatever way it is merged (merge, squash and rebase keep the message).
 */
public final class PromotionText {

    public static final String PROMOTION_TRAILER = "Plumbline-Promotion";
    public static final String IMAGE_TRAILER = "Plumbline-Image";
    public static final String APPROVED_BY_TRAILER = "Approved-by";

    private final Optional<String> appLink;

    /** @param appLink a link template with {@code {app}} where the app's name goes; empty for none */
    public PromotionText(Optional<String> appLink) {
        this.appLink = appLink;
    }

    public String title(ImageKey key, ImageFacts image) {
        return "Promote " + key.imageName() + " to " + version(image);
    }

    public String commitMessage(ImageKey key, ImageFacts image, String previous, String promotionId) {
        return title(key, image) + "\n\n"
                + "Application " + key.app() + ": " + previous + " -> " + image.reference(key.repository()) + "\n\n"
                + PROMOTION_TRAILER + ": " + promotionId + "\n"
                + IMAGE_TRAILER + ": " + image.reference(key.repository()) + "\n";
    }

    public String body(ImageKey key, ImageFacts image, String previous, List<String> files) {
        StringBuilder body = new StringBuilder();
        body.append("Plumbline proposes a new image of `")
                .append(key.repository())
                .append("` for the Application `")
                .append(key.app())
                .append("`.\n\n");
        for (String file : files) {
            body.append("- `")
                    .append(file)
                    .append("`: `")
                    .append(previous)
                    .append("` -> `")
                    .append(image.reference(key.repository()))
                    .append("`\n");
        }
        body.append("\nImage digest: `").append(image.digest()).append("`\n");
        if (image.created() != null) {
            body.append("Built: ").append(image.created()).append('\n');
        }
        body.append("Source commit: ")
                .append(image.sourceRevision() == null ? "not labelled" : "`" + image.sourceRevision() + "`")
                .append('\n');
        body.append("Source: ")
                .append(image.sourceUrl() == null ? "not labelled" : image.sourceUrl())
                .append('\n');
        body.append("\nApplication: ")
                .append(appLink.map(link -> link.replace("{app}", key.app()))
                        .orElse("`plumb app get " + key.app() + "`"))
                .append('\n');
        return body.toString();
    }

    private static String version(ImageFacts image) {
        return image.tag() != null
                ? image.tag()
                : image.digest().substring(0, Math.min(19, image.digest().length()));
    }
}
