package dev.plumbline.imageupdater.promote;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The faster review path for an emergency change made in the cluster: the drift-auditor's unified diff, checked to
 * touch only the app's files, applied on a branch {@code plumbline/drift/<app>/<yyyyMMdd-HHmmss>} made from the
 * target revision, and proposed as a pull request.
 */
public final class DriftExport {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** The pull request opened, and its branch. */
    public record Exported(String pullRequestUrl, int pullRequestNumber, String branch, String commit) {}

    private final ConfigRepository config;
    private final PullRequests.Hosts hosts;
    private final Clock clock;

    public DriftExport(ConfigRepository config, PullRequests.Hosts hosts, Clock clock) {
        this.config = config;
        this.hosts = hosts;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException when the patch may not be applied (it names the file and why)
     * @throws PromotionFailure         when the branch cannot be pushed or the pull request opened
     */
    public Exported export(AppSource app, String patch, String actor) {
        List<String> files = DriftPatch.files(patch, app.path());
        AppSource source = config.onBranch(app);
        PullRequests pulls = hosts.of(source);
        String branch = "plumbline/drift/" + source.app() + "/" + STAMP.format(clock.instant());
        String title = "Keep the live change of " + source.app() + " in Git";
        ConfigRepository.Pushed pushed = config.pushPatch(
                source, patch, branch, title + "\n\nExported from the cluster's drift by " + actor + ".\n");
        if (pushed.commit() == null) {
            throw new IllegalArgumentException("the patch changes nothing in " + source.targetRevision());
        }
        StringBuilder body = new StringBuilder("The cluster runs a change to `")
                .append(source.app())
                .append("` that Git does not hold; merging this keeps it, closing it lets the next sync undo it.\n\n");
        files.forEach(file -> body.append("- `").append(file).append("`\n"));
        body.append("\nExported by ").append(actor).append(".\n");
        PullRequests.Request request =
                pulls.open(new PullRequests.Draft(title, body.toString(), branch, source.targetRevision()));
        return new Exported(request.url(), request.number(), branch, pushed.commit());
    }
}
