package dev.plumbline.cli.demo;

import static dev.plumbline.cli.demo.DemoSetup.NAMESPACE;
import static dev.plumbline.cli.demo.DemoSetup.shortSha;
import static dev.plumbline.cli.demo.StoryRunner.confirm;
import static dev.plumbline.cli.demo.StoryRunner.confirmed;

import dev.plumbline.cli.demo.DemoSetup.Demo;
import dev.plumbline.events.CommitDetected;
import dev.plumbline.sandbox.registry.ImagePusher;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The story's last step: an image pushed to the sandbox registry becomes a pull request, a reviewer merges it, and
 * {@code web} runs the new digest, with the audit trail following every step. Without docker-registry there is no
 * registry: the step says how to install it and is skipped.
 */
final class PromotionStory {

    static final String TITLE = "A new image, promoted by pull request: pushed, proposed, reviewed, merged, running";
    static final String DEPLOYMENT_FILE = DemoSetup.DemoApp.WEB.path + "/deployment.yaml";
    private static final String IMAGE_PATH = "demo/web";
    private static final String BRANCH = "plumbline/promote/web/web";
    private static final String SOURCE = "https://git.example.com/shop/web";
    private static final Duration STEP = Duration.ofSeconds(60);
    private static final PersonIdent ANA = DemoSetup.ANA;
    private static final String REVIEWER = "Ben Okafor <ben@example.com>";

    private final LiveSystem live;
    private final StoryRunner story;
    private final PlumbCli plumb;
    private final GitWatcherWebhook webhook;

    PromotionStory(LiveSystem live, StoryRunner story, PlumbCli plumb) {
        this.live = live;
        this.story = story;
        this.plumb = plumb;
        this.webhook = new GitWatcherWebhook(live.require("GIT_WATCHER_URL"), live.require("PLUMBLINE_WEBHOOK_SECRET"));
    }

    void tell(Demo demo) {
        story.step(TITLE, () -> {
            Optional<String> registryUrl = live.optional("REGISTRY_URL");
            if (registryUrl.isEmpty()) {
                story.doing("docker-registry is not installed, so this run has no sandbox registry; install it with: "
                        + "apt-get install docker-registry, then run ./plumb demo again");
                return List.of("skipped: no sandbox registry");
            }
            return promote(demo.repository(), URI.create(registryUrl.get()).getAuthority() + "/" + IMAGE_PATH);
        });
    }

    private List<String> promote(ConfigRepository repo, String repository) {
        List<String> lines = new ArrayList<>();
        ImagePusher pusher = new ImagePusher();
        String first = pusher.push(repository, "1.2.3", "a1b2c3d", SOURCE);
        story.doing("pushed " + repository + ":1.2.3 (" + shortDigest(first) + ") with jib");
        String deployment = repo.read(DEPLOYMENT_FILE);
        repo.write(DEPLOYMENT_FILE, deployment.replaceFirst("image: \\S+", "image: " + repository + ":1.2.3@" + first));
        String revision = repo.commitAndPush(ANA, "web: run the shop's own image, 1.2.3");
        announce(repo, revision);
        live.apply(webWithImagePolicy(repo.url(), repository));
        story.doing("Application web: images: " + repository + ", semver ~1.2, promotion by pull request");
        awaitImage(first, "1.2.3");

        String newer = pusher.push(repository, "1.2.4", "e4f5a6b", SOURCE);
        story.doing("pushed " + repository + ":1.2.4 (" + shortDigest(newer) + "); the registry tells the "
                + "image-updater");
        SandboxPullRequests pulls = new SandboxPullRequests(live.gitServer(), DemoSetup.REPOSITORY);
        SandboxPullRequests.PullRequest pull = confirm(
                "a pull request from " + BRANCH + " on the sandbox Git server (see plumb image list)",
                STEP,
                () -> pulls.open(BRANCH).filter(p -> p.title().contains("1.2.4")));
        lines.add("pull request #" + pull.number() + " '" + pull.title() + "': " + pull.url());

        pulls.merge(pull.number(), "Approved-by: " + REVIEWER);
        story.doing("Ben reviewed it and merged it through the pull-request API, with Approved-by: " + REVIEWER);
        CommitDetected merged = announce(repo, null);
        lines.add("git-watcher announced the merge " + shortSha(merged.after()));
        String running = awaitImage(newer, "1.2.4");
        lines.add("Deployment " + NAMESPACE + "/web runs " + running);
        PlumbCli.Outcome audit = plumb.run("audit", "tail", "--app", DemoStory.APP, "-n", "12");
        story.doing("plumb audit tail --app web:\n      " + audit.describe().replace("\n", "\n      "));
        lines.add("the image-updater: " + live.require("IMAGE_UPDATER_URL") + " (plumb image list)");
        return lines;
    }

    /** The Application web, following {@code repository}'s ~1.2 releases by pull request. */
    static String webWithImagePolicy(String repoUrl, String repository) {
        return DemoSetup.application(DemoSetup.DemoApp.WEB, repoUrl, """
                  images:
                    - repository: %s
                      semver: "~1.2"
                """.formatted(repository));
    }

    /** Nudges git-watcher about the branch; returns the commit it announces ({@code sha}, or any newer one). */
    private CommitDetected announce(ConfigRepository repo, String sha) {
        Instant asked = Instant.now().minusSeconds(1);
        GitWatcherWebhook.Answer answer = webhook.pushed(repo.url(), ConfigRepository.BRANCH);
        if (!answer.accepted()) {
            throw new DemoStepException("git-watcher refused the webhook: " + answer.status() + " " + answer.body());
        }
        return confirmed(
                "git-watcher announcing " + (sha == null ? "the merge" : "commit " + shortSha(sha)),
                STEP,
                live.events()
                        .await(
                                CommitDetected.class,
                                c -> sha == null
                                        ? c.repoUrl().equals(repo.url())
                                                && c.time().isAfter(asked)
                                        : sha.equals(c.after()),
                                STEP));
    }

    /** Waits until the Deployment web runs the image with {@code digest}; returns its image. */
    private String awaitImage(String digest, String tag) {
        return confirm(
                "Deployment " + NAMESPACE + "/web running " + tag + " (" + shortDigest(digest) + ")",
                STEP,
                () -> Optional.ofNullable(live.cluster()
                                .apps()
                                .deployments()
                                .inNamespace(NAMESPACE)
                                .withName("web")
                                .get())
                        .map(Deployment::getSpec)
                        .map(spec -> spec.getTemplate()
                                .getSpec()
                                .getContainers()
                                .get(0)
                                .getImage())
                        .filter(image -> image.endsWith("@" + digest)));
    }

    private static String shortDigest(String digest) {
        return digest.length() > 19 ? digest.substring(0, 19) : digest;
    }
}
