package dev.plumbline.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plumbline.sandbox.kafka.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Readiness follows the broker: a service whose Kafka is gone stops being ready, so no traffic is sent to it. */
@QuarkusTest
@QuarkusTestResource(value = KafkaOutageTest.PrivateBroker.class, restrictToAnnotatedClass = true)
@Tag("slow")
class KafkaOutageTest {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Broker {}

    /** A broker of this test's own, which it may stop without harming the other tests' shared one. */
    public static class PrivateBroker implements QuarkusTestResourceLifecycleManager {

        private EmbeddedKafka broker;

        @Override
        public Map<String, String> start() {
            broker = EmbeddedKafka.startEphemeral();
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                    "quarkus.kafka.devservices.enabled", "false");
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(broker, new TestInjector.AnnotatedAndMatchesType(Broker.class, EmbeddedKafka.class));
        }

        @Override
        public void stop() {
            broker.close();
        }
    }

    @Broker
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
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(readiness.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
