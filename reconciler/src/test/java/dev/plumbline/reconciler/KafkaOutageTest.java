package dev.plumbline.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import dev.plumbline.sandbox.kafka.PrivateKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Readiness follows the broker: a service whose Kafka is gone stops being ready, so no traffic is sent to it. */
@QuarkusTest
@QuarkusTestResource(value = PrivateKafkaResource.class, restrictToAnnotatedClass = true)
@Tag("slow")
class KafkaOutageTest {

    @PrivateKafkaResource.Broker
    EmbeddedKafka broker;

    @TestHTTPResource("/q/health/ready")
    URL readiness;

    @Test
    void theServiceIsReadyWhileItsBrokerAnswersAndNotReadyOnceItIsGone() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> readinessStatus() == 200);

        broker.close();

        await().atMost(Duration.ofSeconds(30)).until(() -> readinessStatus() == 503);
        assertThat(readinessBody()).contains("Kafka connection health check").contains("\"status\": \"DOWN\"");
    }

    private int readinessStatus() throws Exception {
        return get().statusCode();
    }

    private String readinessBody() throws Exception {
        return get().body();
    }

    private HttpResponse<String> get() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(readiness.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
