package dev.plumbline.driftauditor.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftLoopTest {

    @Test
    void tasksRunInTheOrderTheyWereHandedOverAndAFailingOneDoesNotStopTheLoop() {
        List<String> done = new ArrayList<>();
        try (DriftLoop loop = new DriftLoop()) {
            loop.submit(() -> done.add("first"));
            loop.submit(() -> {
                throw new IllegalStateException("a malformed object");
            });
            loop.submit(() -> done.add("third"));

            assertThat(loop.ask(() -> List.copyOf(done), Duration.ofSeconds(10)))
                    .containsExactly("first", "third");
        }
    }

    @Test
    void workHandedToAClosedLoopDuringShutdownIsDroppedWithoutAnError() {
        DriftLoop loop = new DriftLoop();
        loop.close();

        assertThatCode(() -> loop.submit(() -> {})).doesNotThrowAnyException();
    }
}
