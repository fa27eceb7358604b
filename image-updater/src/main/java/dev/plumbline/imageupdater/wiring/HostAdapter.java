package dev.plumbline.imageupdater.wiring;

import dev.plumbline.imageupdater.config.SecretMask;
import dev.plumbline.imageupdater.config.WriteAccess;
import dev.plumbline.imageupdater.host.HostException;
import dev.plumbline.imageupdater.host.HostKind;
import dev.plumbline.imageupdater.host.PullRequest;
import dev.plumbline.imageupdater.host.PullRequestDraft;
import dev.plumbline.imageupdater.host.PullRequestHost;
import dev.plumbline.imageupdater.host.PullRequestHosts;
import dev.plumbline.imageupdater.promote.AppSource;
import dev.plumbline.imageupdater.promote.FailureReason;
import dev.plumbline.imageupdater.promote.PromotionFailure;
import dev.plumbline.imageupdater.promote.PullRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The promotion core's pull requests on the host client the app's write credential names. */
final class HostAdapter implements PullRequests.Hosts {

    private final List<WriteAccess> credentials;
    private final SecretMask mask;
    private final HttpClient client = PullRequestHosts.httpClient();

    HostAdapter(List<WriteAccess> credentials, SecretMask mask) {
        this.credentials = credentials;
        this.mask = mask;
    }

    @Override
    public PullRequests of(AppSource source) {
        WriteAccess access = WriteAccess.forRepository(credentials, source.repoUrl())
                .orElseThrow(() -> new PromotionFailure(
                        FailureReason.NO_WRITE_CREDENTIAL,
                        "no plumbline.write-credentials.<name>.url covers " + source.repoUrl()
                                + "; add one with write access to the repository"));
        if (!access.opensPullRequests(source.repoUrl())) {
            throw new PromotionFailure(
                    FailureReason.NO_WRITE_CREDENTIAL,
                    "the write credential " + access.name() + " names no pull-request host and project for "
                            + source.repoUrl() + "; set its host, api-url and project, or make the image's"
                            + " promotion direct");
        }
        HostKind kind = Arrays.stream(HostKind.values())
                .filter(k -> k.label().equals(access.host()))
                .findFirst()
                .orElseThrow(() -> new PromotionFailure(
                        FailureReason.NO_WRITE_CREDENTIAL,
                        "the write credential " + access.name() + " names the host '" + access.host()
                                + "'; use github, gitlab, gitea or bitbucket"));
        PullRequestHost host;
        try {
            host = PullRequestHosts.of(
                    kind,
                    URI.create(access.apiUrl()),
                    access.projectFor(source.repoUrl()).orElseThrow(),
                    access.effectiveApiToken(),
                    client);
        } catch (IllegalArgumentException unusable) {
            throw new PromotionFailure(FailureReason.NO_WRITE_CREDENTIAL, mask.apply(unusable.getMessage()));
        }
        return new Guarded(host);
    }

    /** Every host error as a {@code HOST_API_FAILED} failure with a masked message. */
    private final class Guarded implements PullRequests {

        private final PullRequestHost host;

        Guarded(PullRequestHost host) {
            this.host = host;
        }

        @Override
        public Optional<Request> findOpen(String branch) {
            return call(() -> host.findOpen(branch).map(HostAdapter::request));
        }

        @Override
        public Request open(Draft draft) {
            return call(() -> request(host.open(draft(draft))));
        }

        @Override
        public Request update(int number, Draft draft) {
            return call(() -> request(host.update(number, draft(draft))));
        }

        @Override
        public List<String> approvers(int number) {
            return call(() -> host.approvers(number));
        }

        private <T> T call(Supplier<T> call) {
            try {
                return call.get();
            } catch (HostException failed) {
                throw new PromotionFailure(FailureReason.HOST_API_FAILED, mask.apply(failed.getMessage()));
            }
        }
    }

    private static PullRequests.Request request(PullRequest pull) {
        return new PullRequests.Request(pull.number(), pull.url());
    }

    private static PullRequestDraft draft(PullRequests.Draft draft) {
        return new PullRequestDraft(draft.title(), draft.body(), draft.branch(), draft.base());
    }
}
