package dev.plumbline.gitwatcher.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the git-watcher service. Each property can also be set from the environment, for example
 * {@code plumbline.topics.partitions} (the service-kit's {@code ServiceSettings}) as
 * {@code PLUMBLINE_TOPICS_PARTITIONS}.
 */
@ConfigMapping(prefix = "plumbline")
public interface GitWatcherConfig {

    /**
     * The folder holding the bare mirrors ({@code repos/}), the artifacts ({@code artifacts/}) and what was last
     * announced per ref ({@code state/}). Keep it on a volume so that a restart neither refetches everything nor
     * announces every ref again.
     */
    @WithDefault("${java.io.tmpdir}/plumbline/git-watcher")
    Path dataDir();

    Poll poll();

    Fetch fetch();

    Git git();

    Artifacts artifacts();

    Webhook webhook();

    Cleanup cleanup();

    /** Credentials by a name of your choice, each for the repositories under its {@code url}. */
    Map<String, Credentials> credentials();

    interface Poll {

        /** How often each repository is fetched when nothing nudges it. */
        @WithDefault("60s")
        Duration interval();

        /** Each delay is spread by up to this fraction either way, so repositories do not all fetch at once. */
        @WithDefault("0.1")
        double jitter();
    }

    interface Fetch {

        /** The longest one fetch may take before it fails (JGit's transport timeout). */
        @WithDefault("60s")
        Duration timeout();

        /** Fetches running at once; a slow repository holds one of them and no more. */
        @WithDefault("4")
        int concurrency();

        /** The wait before the first retry of a repository that failed; it doubles with each failure. */
        @WithDefault("5s")
        Duration backoffInitial();

        /** The longest wait between retries of a failing repository. */
        @WithDefault("5m")
        Duration backoffMax();

        /** The most commits one commit event lists (the newest); the changed paths always cover the whole range. */
        @WithDefault("250")
        int maxCommits();
    }

    /** What one repository may take of the service: time per fetch, bytes, and the disk they are written to. */
    interface Git {

        /**
         * The longest one fetch may run, however the server sends its bytes; {@code fetch.timeout} only bounds the
         * wait for the next ones, which a server sending a byte at a time never reaches.
         */
        @WithDefault("5m")
        Duration fetchDeadline();

        /** The most bytes one fetch may receive, and one repository's mirror may hold; 0 for no limit. */
        @WithDefault("1G")
        MemorySize maxRepoSize();

        /**
         * The free space of the data folder's volume below which no fetch starts: a size ({@code 500M}) or a share of
         * the volume ({@code 5%}); {@code 0} turns the check off.
         */
        @WithDefault("500M")
        String minFreeDisk();
    }

    interface Artifacts {

        /** The URL the renderer reaches this service at; artifact URLs in commit events start with it. */
        @WithDefault("http://localhost:8081")
        String baseUrl();
    }

    interface Cleanup {

        /**
         * How long the mirror, artifacts and state of a repository no Application watches any more are kept; keep it
         * above {@code fetch.timeout} and above the time a renderer may take to download an announced artifact.
         */
        @WithDefault("24h")
        Duration gracePeriod();

        /**
         * How long the artifact of a commit that no ref announces any more is kept in a repository still watched; the
         * artifacts of announced commits are kept whatever their age.
         */
        @WithDefault("7d")
        Duration artifactRetention();

        /** How often the data folder is checked for repositories no longer watched. */
        @WithDefault("10m")
        Duration interval();
    }

    interface Webhook {

        /**
         * The secret of every signing receiver (GitHub, Gitea, Gogs, Bitbucket, generic) that has none of its own
         * ({@code PLUMBLINE_WEBHOOK_SECRET}); never GitLab's token, which GitLab sends in clear.
         */
        Optional<String> secret();

        /** A file holding the shared secret, such as a mounted Kubernetes Secret key; read at each delivery. */
        Optional<Path> secretFile();

        /** Bodies above this size are refused with 413 before they are read. */
        @WithDefault("5M")
        MemorySize maxBodySize();

        /** How long a delivery id is remembered to recognise a redelivery, across restarts too. */
        @WithDefault("24h")
        Duration redeliveryWindow();

        /** How many delivery ids are remembered at most. */
        @WithDefault("10000")
        int redeliveryCapacity();

        RateLimit rateLimit();

        /**
         * The proxies (addresses or CIDR ranges, such as the Ingress controller's pods) whose
         * {@code X-Forwarded-For} names the sender; from any other peer the header is ignored.
         */
        Optional<List<String>> trustedProxies();

        Provider github();

        GitLab gitlab();

        Provider gitea();

        Provider gogs();

        /** Bitbucket Cloud and Bitbucket Server / Data Center. */
        Provider bitbucket();

        Provider generic();
    }

    /** Deliveries allowed per sender address and receiver; the rest are answered 429 with {@code Retry-After}. */
    interface RateLimit {

        /** Deliveries a second, on average, from one address to one receiver. */
        @WithDefault("5")
        double perSecond();

        /** Deliveries one address may send at once to one receiver before it is slowed down. */
        @WithDefault("100")
        int burst();

        /** Senders remembered at most; the longest idle is forgotten first, so memory stays bounded. */
        @WithDefault("10000")
        int maxSenders();
    }

    interface Provider {

        /** This receiver's own secret; a receiver with one never accepts the shared {@code plumbline.webhook.secret}. */
        Optional<String> secret();

        /** A file holding this receiver's own secret; read at each delivery, so a rotated secret needs no restart. */
        Optional<Path> secretFile();
    }

    /** GitLab sends its token itself, in clear: it is never shared with, nor taken from, another receiver. */
    interface GitLab {

        /** The token set in GitLab's webhook ({@code X-Gitlab-Token}); it must differ from every other secret. */
        Optional<String> token();

        /** A file holding the GitLab token; read at each delivery. */
        Optional<Path> tokenFile();
    }

    interface Credentials {

        /**
         * The repositories these credentials are for: URLs of the same scheme, host and port (a port left out is the
         * scheme's default one), the user it names if any, and whose path begins with its whole path segments,
         * compared as parsed URLs, never as text; the longest match wins.
         */
        String url();

        /** HTTPS user name; {@code git} when only a password or token is set. */
        Optional<String> username();

        /** HTTPS password or access token. */
        Optional<String> password();

        /** A file holding the password or token, such as a mounted Kubernetes Secret key; read at each fetch. */
        Optional<Path> passwordFile();

        /** A private key file for SSH URLs (OpenSSH or PEM format), such as a mounted Kubernetes Secret key. */
        Optional<Path> sshPrivateKeyFile();

        /** The passphrase of an encrypted private key. */
        Optional<String> sshKeyPassphrase();

        /** A file holding the passphrase of an encrypted private key, such as a mounted Kubernetes Secret key. */
        Optional<Path> sshKeyPassphraseFile();

        /** The known_hosts file the SSH server's host key must be listed in; unknown host keys are refused. */
        Optional<Path> sshKnownHostsFile();
    }
}
