package dev.plumbline.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.cli.testing.Plumb;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditWithoutKafkaTest {

    @Test
    void withoutKafkaTheErrorSaysWhereItLooked() {
        Plumb.Run run = Plumb.run(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"), "audit", "verify");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("verify: cannot reach Kafka at 127.0.0.1:1 "
                        + "(KAFKA_BOOTSTRAP_SERVERS): is Plumbline running? (./plumb up)\n");
    }

    @Test
    void withoutAnySettingTheErrorSaysHowToProvideIt() {
        Plumb.Run run = Plumb.run(Map.of(), "audit", "tail");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("tail: KAFKA_BOOTSTRAP_SERVERS is not set: start Plumbline with ./plumb up, "
                        + "or export it\n");
    }
}
