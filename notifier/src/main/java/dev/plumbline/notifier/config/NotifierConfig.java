package dev.plumbline.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the notifier service. Each property can also be set from the environment, for example
 * {@code plumbline.slack.webhook-url} as {@code PLUMBLINE_SLACK_WEBHOOK_URL}. Addresses that hold tokens (Slack
 * webhook URLs, webhook secrets) belong in Kubernetes Secrets passed as environment; they are never logged.
 */
@ConfigMapping(prefix = "plumbline")
public interface NotifierConfig {

    /** Who is told of what when an Application lists no subscriptions. */
    Defaults defaults();

    Slack slack();

    Email email();

    /** Generic webhooks; "webhooks", because {@code PLUMBLINE_WEBHOOK_SECRET} is the git-watcher's inbound secret. */
    Webhooks webhooks();

    /** How bursts of events become one message. */
    Aggregation aggregation();

    /** How repeats are kept out. */
    Dedup dedup();

    /** Retries, timeouts and circuit breakers, per destination. */
    Delivery delivery();

    /** Message texts. */
    Templates templates();

    interface Defaults {

        /** The notification occasions the default destinations hear (the key keeps its first name: triggers). */
        @WithDefault("drift-detected,drift-recovered,self-heal-fight,sync-succeeded,sync-failed,sync-refused,"
                + "out-of-sync,render-failed,health-degraded,self-heal-paused,self-heal-resumed,promotion-proposed,"
                + "promotion-merged,promotion-failed")
        List<String> triggers();

        /** The default destinations, as {@code <channel>:<name>}: {@code slack:default}, {@code email:ops@example.com}. */
        @WithDefault("slack:default")
        List<String> destinations();

        /** Other default destinations for some occasions: {@code plumbline.defaults.per-trigger.sync-failed=...}. */
        Map<String, List<String>> perTrigger();
    }

    interface Slack {

        /** The incoming webhook of the Slack destination named {@code default}; unset: there is none. */
        Optional<String> webhookUrl();

        /** More Slack destinations by name: {@code plumbline.slack.destinations.shop-alerts.webhook-url}. */
        Map<String, SlackDestination> destinations();

        /** Messages a second per Slack destination; Slack allows about one per incoming webhook. */
        @WithDefault("1")
        double ratePerSecond();

        /** Messages a Slack destination may get at once before the rate applies. */
        @WithDefault("1")
        int burst();
    }

    interface SlackDestination {

        String webhookUrl();

        /** Messages a second to this destination; unset: {@code plumbline.slack.rate-per-second}. */
        Optional<Double> ratePerSecond();
    }

    interface Email {

        /** Prefix of every subject, so that mail filters can find Plumbline's mail. */
        @WithDefault("[plumbline] ")
        String subjectPrefix();

        /** Messages a second per recipient. */
        @WithDefault("1")
        double ratePerSecond();

        /** Messages a recipient may get at once before the rate applies. */
        @WithDefault("5")
        int burst();
    }

    interface Webhooks {

        /** The URL of the webhook named {@code default}; unset: there is none. */
        Optional<String> url();

        /** The HMAC-SHA256 secret of the webhook named {@code default}; unset: its requests are not signed. */
        Optional<String> secret();

        /** More webhooks by name: {@code plumbline.webhooks.destinations.pager.url} and {@code .secret}. */
        Map<String, WebhookDestination> destinations();

        /** Messages a second per webhook. */
        @WithDefault("10")
        double ratePerSecond();

        /** Messages a webhook may get at once before the rate applies. */
        @WithDefault("10")
        int burst();
    }

    interface WebhookDestination {

        String url();

        /** The HMAC-SHA256 secret; unset: requests to this webhook are not signed. */
        Optional<String> secret();

        /** Messages a second to this webhook; unset: {@code plumbline.webhooks.rate-per-second}. */
        Optional<Double> ratePerSecond();
    }

    interface Aggregation {

        /** A message is sent once no event of its kind came for this long. */
        @WithDefault("2s")
        Duration quiet();

        /** ...or once its first event has waited this long, however many still come. */
        @WithDefault("15s")
        Duration maxHold();

        /** Objects a message lists; the rest are counted ("… and 480 more"). Webhooks always get them all. */
        @WithDefault("20")
        int maxObjectsListed();

        /**
         * Events older than this are read but not told: on a first start the consumer group begins at the start
         * of the topics, and a week of history is no news; after a restart, recent events are told.
         */
        @WithDefault("1h")
        Duration maxEventAge();

        /** How long a sync may wait for its last apply action before it is told as failed. */
        @WithDefault("10m")
        Duration syncTimeout();
    }

    interface Dedup {

        /** The same occasion for the same app, revision and subject reaches a destination once in this window. */
        @WithDefault("5m")
        Duration window();

        /**
         * How long start-up waits for the delivery log and the Application catalog to be read before it sends
         * anyway; messages are held, not lost, meanwhile.
         */
        @WithDefault("60s")
        Duration startupWait();
    }

    interface Delivery {

        /** Wait after a first failed attempt. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest wait between attempts. */
        @WithDefault("5m")
        Duration maxBackoff();

        /** How much each wait grows. */
        @WithDefault("2")
        double backoffMultiplier();

        /** Fraction by which waits are spread at random. */
        @WithDefault("0.2")
        double jitter();

        /** Attempts per notification and destination before it goes to the dead letters. */
        @WithDefault("20")
        int maxAttempts();

        /** Longest time spent on one notification and destination before it goes to the dead letters. */
        @WithDefault("30m")
        Duration giveUpAfter();

        /** Longest time one attempt may take (connect, send, answer). */
        @WithDefault("10s")
        Duration timeout();

        /**
         * Destinations with a worker (a thread, a queue, a rate limit and a breaker of their own) at once: every
         * email address an Application names is one. A notification for one more while all are busy goes to the
         * dead letters.
         */
        @WithDefault("200")
        int maxDestinations();

        /** Notifications waiting for one destination; more go to the dead letters rather than into memory. */
        @WithDefault("1000")
        int maxQueue();

        /** A destination's worker with nothing to do for this long ends its thread and gives its place up. */
        @WithDefault("10m")
        Duration idleRetire();

        CircuitBreaker circuitBreaker();
    }

    interface CircuitBreaker {

        /** Attempts the breaker looks at. */
        @WithDefault("10")
        int requestVolume();

        /** Share of failed attempts among them that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker fails attempts at once before it lets one through. */
        @WithDefault("30s")
        Duration delay();
    }

    interface Templates {

        /** A folder of templates that replace the defaults, file by file; see docs/notifier.md. */
        Optional<Path> directory();
    }
}
