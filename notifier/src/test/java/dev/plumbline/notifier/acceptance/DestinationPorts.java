package dev.plumbline.notifier.acceptance;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the notifier at real servers that the test starts: a WireMock playing Slack, a GreenMail SMTP server and
 * a webhook receiver. The ports are chosen here, before the application starts, and handed to the test through
 * system properties, which every class loader of the test run sees alike; the servers themselves are started by
 * the test, which must hold them.
 */
public class DestinationPorts implements QuarkusTestResourceLifecycleManager {

    static final String SLACK_PORT = "notifier-test.slack-port";
    static final String SMTP_PORT = "notifier-test.smtp-port";
    static final String WEBHOOK_PORT = "notifier-test.webhook-port";
    static final String WEBHOOK_SECRET = "test-webhook-secret";
    /** One Slack destination per scenario, so that one scenario's breaker or rate limit leaves the others alone. */
    static final String[] SLACK_DESTINATIONS = {"ok", "limited", "broken", "slow", "refusing", "storm", "handed"};

    @Override
    public Map<String, String> start() {
        int slack = freePort();
        int smtp = freePort();
        int webhook = freePort();
        System.setProperty(SLACK_PORT, String.valueOf(slack));
        System.setProperty(SMTP_PORT, String.valueOf(smtp));
        System.setProperty(WEBHOOK_PORT, String.valueOf(webhook));
        Map<String, String> config = new HashMap<>();
        for (String name : SLACK_DESTINATIONS) {
            config.put(
                    "plumbline.slack.destinations." + name + ".webhook-url",
                    "http://127.0.0.1:" + slack + "/services/T000/B000/" + name);
        }
        config.put("plumbline.webhooks.destinations.pager.url", "http://127.0.0.1:" + webhook + "/hook");
        config.put("plumbline.webhooks.destinations.pager.secret", WEBHOOK_SECRET);
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", String.valueOf(smtp));
        config.put("quarkus.mailer.from", "plumbline@example.com");
        config.put("plumbline.delivery.initial-backoff", "200ms");
        config.put("plumbline.delivery.max-backoff", "1s");
        config.put("plumbline.delivery.timeout", "2s");
        config.put("plumbline.delivery.max-attempts", "6");
        config.put("plumbline.delivery.give-up-after", "1m");
        config.put("plumbline.delivery.circuit-breaker.delay", "1s");
        config.put("plumbline.aggregation.quiet", "1s");
        config.put("plumbline.aggregation.max-hold", "4s");
        config.put("plumbline.dedup.startup-wait", "10s");
        return config;
    }

    @Override
    public void stop() {
        System.clearProperty(SLACK_PORT);
        System.clearProperty(SMTP_PORT);
        System.clearProperty(WEBHOOK_PORT);
    }

    static int port(String property) {
        return Integer.parseInt(System.getProperty(property));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
