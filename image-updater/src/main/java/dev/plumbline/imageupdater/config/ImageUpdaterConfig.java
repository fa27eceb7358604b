package dev.plumbline.imageupdater.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the image-updater service. Each property can also be set from the environment, for example
 * {@code plumbline.image-updater.poll-interval} as {@code PLUMBLINE_IMAGE_UPDATER_POLL_INTERVAL}. Secrets (passwords,
 * tokens, webhook secrets) never appear in logs or errors: {@link SecretMask} replaces them.
 */
@ConfigMapping(prefix = "plumbline")
public interface ImageUpdaterConfig {

    @WithName("image-updater")
    Service service();

    /**
     * Git write credentials by a name of your choice, each for the config repositories under its {@code url}. An
     * Application whose repoURL no credential covers gets {@code NO_WRITE_CREDENTIAL} and nothing is written.
     */
    Map<String, WriteCredential> writeCredentials();

    /** Registry credentials by a name of your choice, each for one registry host. Without one: anonymous HTTPS. */
    Map<String, RegistryLogin> registries();

    /**
     * The secret of each provider's notifications, by provider ({@code distribution}, {@code docker-hub},
     * {@code github}, {@code harbor}, {@code quay}); a provider without one is refused with 401.
     */
    Map<String, WebhookSecret> registryWebhook();

    /** Bearer tokens for {@code plumb image promote} and {@code plumb drift export --pr}, by the token's name. */
    Map<String, PromoteToken> promoteTokens();

    interface Service {

        /** How often every image of every Application is checked when nothing nudges it. */
        @WithDefault("5m")
        Duration pollInterval();

        /**
         * A link to an app shown in pull request bodies, with {@code {app}} where its name goes, e.g.
         * {@code https://plumbline.example.com/apps/{app}}; without it the body says {@code plumb app get <app>}.
         */
        Optional<String> appLink();

        /** The Git author and committer name of promotion commits. */
        @WithDefault("Plumbline")
        String authorName();

        /** The Git author and committer email of promotion commits. */
        @WithDefault("plumbline@localhost")
        String authorEmail();

        /** Where fresh checkouts of config repositories are made; each is deleted after its push. */
        @WithDefault("${java.io.tmpdir}/plumbline/image-updater")
        Path workDir();

        /** Images checked at once; the work of one image of one app never runs twice at once. */
        @WithDefault("4")
        int workers();

        /** The wait before the first retry of a registry that failed; it doubles with each failure. */
        @WithDefault("10s")
        Duration backoffInitial();

        /** The longest wait between retries of a failing registry. */
        @WithDefault("10m")
        Duration backoffMax();
    }

    interface WriteCredential {

        /**
         * The config repositories this credential writes to: URLs of the same scheme, host and port, and whose path
         * begins with its whole path segments, compared as parsed URLs (as the git-watcher's read credentials); the
         * longest match wins.
         */
        String url();

        /** HTTPS user name; {@code git} when only a password or token is set. */
        Optional<String> username();

        /** HTTPS password or access token with write access to the repository. */
        Optional<String> password();

        /** The Git host whose API opens pull requests: {@code github}, {@code gitlab}, {@code gitea}, {@code bitbucket}. */
        Optional<String> host();

        /** The host's API base, e.g. {@code https://api.github.com} or {@code https://gitea.example.com/api/v1}. */
        Optional<String> apiUrl();

        /** The API token that opens and updates pull requests; the password when left out. */
        Optional<String> apiToken();

        /**
         * The project on the host, e.g. {@code shop/deploy} (GitHub owner/repo, GitLab path, Gitea owner/repo);
         * {@code {repo}} stands for the repository's last path segment, e.g. {@code plumbline/{repo}} for every
         * {@code <name>.git} of one server; unset, the repository URL's path.
         */
        Optional<String> project();
    }

    interface RegistryLogin {

        /** The registry host and port as image references name it, e.g. {@code ghcr.io} or {@code 127.0.0.1:5000}. */
        String registry();

        Optional<String> username();

        Optional<String> password();

        /** Speak plain HTTP to this registry (a local one only). */
        @WithDefault("false")
        boolean plainHttp();
    }

    interface WebhookSecret {

        Optional<String> secret();
    }

    interface PromoteToken {

        /** The bearer token CI sends. */
        String token();

        /** The Applications it may promote or export drift of: names, or {@code *} for every one. */
        List<String> apps();
    }
}
