package dev.plumbline.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.plumbline.cli.demo.ConfigRepository;
import dev.plumbline.cli.demo.LiveSystem;
import dev.plumbline.cli.demo.PlumbCli;
import dev.plumbline.events.ImageDetected;
import dev.plumbline.events.PromotionMerged;
import dev.plumbline.events.PromotionProposed;
import dev.plumbline.sandbox.registry.ImagePusher;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18's acceptance on the started stack: images pushed to the sandbox registry become one pull request on
 * GitHub (a stand-in that checks each request's shape) for a config repository on the sandbox Git server, updated by
 * a newer image, a prerelease ignored, the reviewer's merge deployed, and the audit trail holding every step.
 */
@Tag("system")
@ExtendWith(StartedSystem.Starter.class)
class PromotionIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String APP = "promo";
    private static final String NAMESPACE = "promo";
    private static final String FILE = "apps/promo/deployment.yaml";
    private static final String BRANCH = "plumbline/promote/" + APP + "/shop";
    private static final String PULLS = "/repos/" + StartedSystem.PROMOTION_PROJECT + "/pulls";
    private static final String PULL_URL = "https://github.example/" + StartedSystem.PROMOTION_PROJECT + "/pull/1";
    private static final PersonIdent DEV = new PersonIdent("Dana Dev", "dana@shop.example");
    private static final PersonIdent REVIEWER = new PersonIdent("Rui Reviewer", "rui@shop.example");

    @Test
    void pushedImagesBecomeOnePullRequestWhoseMergeRunsAndIsAudited() throws Exception {
        StartedSystem system = StartedSystem.get();
        LiveSystem live = system.live;
        WireMockServer github = system.github;
        String registry =
                URI.create(system.stack.environment().get("REGISTRY_URL")).getAuthority();
        String repository = registry + "/promo/shop";
        ImagePusher pusher = new ImagePusher();
        stubGitHub(github);
        String merge;

        String first = pusher.push(repository, "1.2.3", "0a0a0a0", "https://git.example/shop");
        try (ConfigRepository repo = ConfigRepository.create(
                live.gitServer(),
                StartedSystem.PROMOTION_REPOSITORY,
                system.runDir.resolve(StartedSystem.PROMOTION_REPOSITORY))) {
            String initial = repo.write(FILE, deployment(repository + ":1.2.3@" + first))
                    .commitAndPush(DEV, "promo: the shop's image 1.2.3");
            live.apply("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + NAMESPACE + "\n");
            live.apply(project(repo.url()));
            live.apply(application(repo.url(), repository));
            await().atMost(WITHIN)
                    .until(() -> live.application(APP)
                            .filter(app -> app.isSyncedAt(initial))
                            .isPresent());

            // a notification with the wrong secret is refused and starts nothing
            assertThat(forgedNotification(system, repository)).isEqualTo(401);

            String second = pusher.push(repository, "1.2.4", "1b1b1b1", "https://git.example/shop");
            PromotionProposed opened = proposed(live, "1.2.4");
            assertThat(opened.digest()).isEqualTo(second);
            assertThat(opened.updated()).isFalse();
            assertThat(opened.pullRequestUrl()).isEqualTo(PULL_URL);
            List<LoggedRequest> posts = github.findAll(postRequestedFor(urlPathEqualTo(PULLS)));
            assertThat(posts).hasSize(1);
            assertThat(posts.get(0).getBodyAsString()).contains("1.2.4", second);
            assertThat(repo.fetch(BRANCH))
                    .as("the promotion branch on the sandbox")
                    .isEqualTo(opened.commit());
            assertThat(changedLines(repo, BRANCH))
                    .containsExactly(
                            "-          image: " + repository + ":1.2.3@" + first,
                            "+          image: " + repository + ":1.2.4@" + second);

            // a prerelease first: whichever check sees it first (its own notification's, or 1.2.5's) says why not
            pusher.push(repository, "1.3.0-rc.1", "3d3d3d3", "https://git.example/shop");
            String third = pusher.push(repository, "1.2.5", "2c2c2c2", "https://git.example/shop");
            PromotionProposed updated = proposed(live, "1.2.5");
            assertThat(updated.updated()).isTrue();
            assertThat(updated.promotionId()).isEqualTo(opened.promotionId());
            assertThat(github.findAll(patchRequestedFor(urlPathEqualTo(PULLS + "/1"))))
                    .anySatisfy(request -> assertThat(request.getBodyAsString()).contains("1.2.5", third));
            assertThat(github.findAll(postRequestedFor(urlPathEqualTo(PULLS)))).hasSize(1);
            ImageDetected prerelease = live.events()
                    .await(
                            ImageDetected.class,
                            d -> d.app().equals(APP) && d.tag().equals("1.3.0-rc.1"),
                            WITHIN)
                    .orElseThrow(() -> new AssertionError("no ImageDetected for 1.3.0-rc.1"));
            assertThat(prerelease.selected()).as(prerelease.explanation()).isFalse();
            assertThat(live.events().all(PromotionProposed.class, p -> p.app().equals(APP)))
                    .extracting(PromotionProposed::tag)
                    .doesNotContain("1.3.0-rc.1");

            Instant beforeMerge = Instant.now();
            merge = repo.mergeAndPush(
                    BRANCH,
                    REVIEWER,
                    "Merge pull request #1 from " + BRANCH + "\n\nApproved-by: Rui Reviewer <rui@shop.example>\n");
            assertThat(system.webhook().pushed(repo.url(), "main").accepted()).isTrue();
            PromotionMerged merged = live.events()
                    .await(
                            PromotionMerged.class,
                            m -> m.app().equals(APP) && m.time().isAfter(beforeMerge),
                            WITHIN)
                    .orElseThrow(() -> new AssertionError("no PromotionMerged for " + APP));
            assertThat(merged.mergeCommit()).isEqualTo(merge);
            assertThat(merged.digest()).isEqualTo(third);
            await().atMost(WITHIN)
                    .until(() -> runningImage(live)
                            .filter(image -> image.endsWith("@" + third))
                            .isPresent());
        }

        // the merge commit's own records follow the promotion's: its commit, its render, its apply. The trail is
        // written from the same events as the cluster's change, so it may reach the topic a moment after the cluster
        String mergeSha = merge.substring(0, 7);
        await().atMost(WITHIN).untilAsserted(() -> {
            PlumbCli.Outcome tail = system.plumb().run("audit", "tail", "--app", APP, "-n", "50");
            assertThat(tail.exitCode()).as(tail.describe()).isZero();
            assertThat(tail.out())
                    .containsSubsequence("image-detected", "promotion-proposed", "promotion-merged")
                    .containsSubsequence("promotion-proposed", mergeSha, "commit-detected")
                    .containsSubsequence("promotion-proposed", mergeSha, "rendered")
                    .containsSubsequence("promotion-proposed", mergeSha, "applied");
        });
        PlumbCli.Outcome verify = system.plumb().run("audit", "verify");
        assertThat(verify.exitCode()).as(verify.describe()).isZero();
        assertThat(live.events()
                        .all(
                                ImageDetected.class,
                                d -> d.app().equals(APP) && d.tag().equals("9.9.9")))
                .as("what the forged notification named")
                .isEmpty();
    }

    /**
     * The app goes when the test is done, as HostileInputIT's do: the image-updater stops watching it, and no later
     * test of the shared system meets its trail still growing.
     */
    @AfterAll
    static void deleteTheApp() {
        StartedSystem.get()
                .live
                .cluster()
                .genericKubernetesResources("plumbline.dev/v1alpha1", "Application")
                .inNamespace(LiveSystem.APPLICATIONS_NAMESPACE)
                .withName(APP)
                .delete();
    }

    /** GitHub's pull requests of the project: none open until one is opened, then that one; reviews approve. */
    private static void stubGitHub(WireMockServer github) {
        String pull = """
                {"number": 1, "html_url": "%s", "title": "Promote", "state": "open",
                 "head": {"ref": "%s"}, "base": {"ref": "main"}}
                """.formatted(PULL_URL, BRANCH);
        github.stubFor(get(urlPathEqualTo(PULLS))
                .inScenario("pull")
                .whenScenarioStateIs(Scenario.STARTED)
                .withHeader("Authorization", equalTo("Bearer github-token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[]")));
        github.stubFor(post(urlPathEqualTo(PULLS))
                .inScenario("pull")
                .whenScenarioStateIs(Scenario.STARTED)
                .withHeader("Authorization", equalTo("Bearer github-token"))
                .withRequestBody(matchingJsonPath("$.head", equalTo(BRANCH)))
                .withRequestBody(matchingJsonPath("$.base", equalTo("main")))
                .withRequestBody(matchingJsonPath("$.title"))
                .withRequestBody(matchingJsonPath("$.body"))
                .willSetStateTo("opened")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(pull)));
        github.stubFor(get(urlPathEqualTo(PULLS))
                .inScenario("pull")
                .whenScenarioStateIs("opened")
                .withHeader("Authorization", equalTo("Bearer github-token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[" + pull + "]")));
        github.stubFor(patch(urlPathEqualTo(PULLS + "/1"))
                .withHeader("Authorization", equalTo("Bearer github-token"))
                .withRequestBody(matchingJsonPath("$.title"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(pull)));
        github.stubFor(get(urlPathMatching(PULLS + "/1/reviews"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("[{\"state\": \"APPROVED\", \"user\": {\"login\": \"rui\"}}]")));
    }

    private static PromotionProposed proposed(LiveSystem live, String tag) {
        return live.events()
                .await(
                        PromotionProposed.class,
                        p -> p.app().equals(APP) && p.tag().equals(tag),
                        WITHIN)
                .orElseThrow(() -> new AssertionError("no PromotionProposed for " + APP + " " + tag));
    }

    /** The lines the promotion branch changes against main, as {@code git diff main...branch} shows them. */
    private static List<String> changedLines(ConfigRepository repo, String branch) throws Exception {
        var repository = repo.git().getRepository();
        ObjectId main = repository.resolve("refs/remotes/origin/main");
        ObjectId head = repository.resolve("refs/remotes/origin/" + branch);
        ByteArrayOutputStream patch = new ByteArrayOutputStream();
        try (RevWalk walk = new RevWalk(repository);
                DiffFormatter diff = new DiffFormatter(patch)) {
            diff.setRepository(repository);
            List<DiffEntry> entries = diff.scan(
                    walk.parseCommit(main).getTree(), walk.parseCommit(head).getTree());
            assertThat(entries).extracting(DiffEntry::getNewPath).containsExactly(FILE);
            diff.format(entries);
        }
        return patch.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(line -> (line.startsWith("-") || line.startsWith("+"))
                        && !line.startsWith("---")
                        && !line.startsWith("+++"))
                .toList();
    }

    private static int forgedNotification(StartedSystem system, String repository) throws Exception {
        int slash = repository.indexOf('/');
        String body = """
                {"events": [{"id": "forged-1", "timestamp": "2026-12-08T00:00:00Z", "action": "push",
                  "target": {"mediaType": "application/vnd.oci.image.manifest.v1+json",
                             "digest": "sha256:%s", "repository": "%s", "tag": "9.9.9",
                             "url": "http://%s/v2/%s/manifests/9.9.9"},
                  "request": {"host": "%s"}}]}
                """.formatted(
                        "9".repeat(64),
                        repository.substring(slash + 1),
                        repository.substring(0, slash),
                        repository.substring(slash + 1),
                        repository.substring(0, slash));
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(system.stack.environment().get("IMAGE_UPDATER_URL")
                                                + "/api/registry-webhooks/distribution"))
                                .header("Content-Type", "application/vnd.docker.distribution.events.v1+json")
                                .header("Authorization", "Bearer not-the-secret")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return answer.statusCode();
    }

    private static Optional<String> runningImage(LiveSystem live) {
        return Optional.ofNullable(live.cluster()
                        .apps()
                        .deployments()
                        .inNamespace(NAMESPACE)
                        .withName("shop")
                        .get())
                .map(Deployment::getSpec)
                .map(spec -> spec.getTemplate().getSpec().getContainers().get(0).getImage());
    }

    private static String deployment(String image) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: shop
                  namespace: %s
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: shop}
                  template:
                    metadata:
                      labels: {app: shop}
                    spec:
                      containers:
                        - name: shop
                          image: %s
                """.formatted(NAMESPACE, image);
    }

    private static String project(String repoUrl) {
        return """
                apiVersion: plumbline.dev/v1alpha1
                kind: Project
                metadata: {name: promo, namespace: plumbline}
                spec:
                  sourceRepos: ["%s"]
                  destinations: [{namespace: %s}]
                """.formatted(repoUrl, NAMESPACE);
    }

    private static String application(String repoUrl, String repository) {
        return """
                apiVersion: plumbline.dev/v1alpha1
                kind: Application
                metadata: {name: %s, namespace: plumbline}
                spec:
                  project: promo
                  source: {repoURL: "%s", targetRevision: main, path: apps/promo}
                  destination: {namespace: %s}
                  syncPolicy: {automated: {prune: true}}
                  images:
                    - repository: %s
                      semver: "~1.2"
                """.formatted(APP, repoUrl, NAMESPACE, repository);
    }
}
