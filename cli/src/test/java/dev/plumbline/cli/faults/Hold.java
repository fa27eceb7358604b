package dev.plumbline.cli.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Lets a fault last: the suite waits with Awaitility, never with a bare sleep. */
final class Hold {

    private Hold() {}

    static void lasting(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(10)).until(() -> true);
    }
}
