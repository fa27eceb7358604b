package dev.plumbline.gitwatcher.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.vocabulary.WebhookProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveryLogTest {

    private static final Delivery DELIVERY = new Delivery(WebhookProvider.GITHUB, "push", "d-1");

    @Test
    void theSameIdWithTheSameBodyIsARedeliveryButNotWithAnotherBody() {
        DeliveryLog log = new DeliveryLog(10, Duration.ofHours(1), Clock.systemUTC());

        assertThat(log.firstTime(DELIVERY, "body-a")).isTrue();
        assertThat(log.firstTime(DELIVERY, "body-a")).isFalse();
        assertThat(log.firstTime(DELIVERY, "body-b")).isTrue();
        assertThat(log.firstTime(new Delivery(WebhookProvider.GITEA, "push", "d-1"), "body-a"))
                .isTrue();
    }

    @Test
    void aDeliveryWithoutAnIdIsNeverTakenForARedelivery() {
        DeliveryLog log = new DeliveryLog(10, Duration.ofHours(1), Clock.systemUTC());
        Delivery anonymous = new Delivery(WebhookProvider.GENERIC, "push", null);

        assertThat(log.firstTime(anonymous, "body")).isTrue();
        assertThat(log.firstTime(anonymous, "body")).isTrue();
    }

    @Test
    void idsAreForgottenAfterTheWindowAndBeyondTheCapacity() {
        Instant[] now = {Instant.parse("2026-11-27T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        DeliveryLog windowed = new DeliveryLog(10, Duration.ofMinutes(5), clock);
        windowed.firstTime(DELIVERY, "body");
        now[0] = now[0].plus(Duration.ofMinutes(4));
        assertThat(windowed.firstTime(DELIVERY, "body")).as("within the window").isFalse();
        now[0] = now[0].plus(Duration.ofMinutes(6));
        assertThat(windowed.firstTime(DELIVERY, "body")).as("after the window").isTrue();
        DeliveryLog small = new DeliveryLog(2, Duration.ofHours(1), Clock.systemUTC());
        small.firstTime(DELIVERY, "1");
        small.firstTime(DELIVERY, "2");
        small.firstTime(DELIVERY, "3");

        assertThat(small.firstTime(DELIVERY, "1")).as("evicted by capacity").isTrue();
        assertThat(small.firstTime(DELIVERY, "3")).isFalse();
    }

    @Test
    void aDeliveryReplayedAfterARestartIsStillARedelivery(@TempDir Path dataDir) {
        DeliveryLog beforeRestart = DeliveryLog.persistent(dataDir, 10, Duration.ofHours(1), Clock.systemUTC());
        assertThat(beforeRestart.firstTime(DELIVERY, "body")).isTrue();

        DeliveryLog afterRestart = DeliveryLog.persistent(dataDir, 10, Duration.ofHours(1), Clock.systemUTC());

        assertThat(afterRestart.firstTime(DELIVERY, "body"))
                .as("replayed after a restart")
                .isFalse();
        assertThat(afterRestart.firstTime(DELIVERY, "another body")).isTrue();
    }
}
