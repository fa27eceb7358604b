package dev.plumbline.driftauditor;


import dev.plumbline.driftauditor.messaging.ApplicationsListener;
import dev.plumbline.events.PlumblineService;
import dev.plumbline.events.testing.ServiceContract;
import dev.plumbline.sandbox.kafka.EmbeddedKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The drift-auditor service started by Quarkus against the shared in-process broker, through its real Kafka channels. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKafkaResource.class, restrictToAnnotatedClass = true)
class DriftAuditorServiceTest extends ServiceContract {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource("/")
    URL root;

    @Inject
    ApplicationsListener applications;

    @Test
    void anApplicationPublishedByTheReconcilerIsKnownUntilItsTombstone() {
        assertApplicationsReachTheService(app -> applications.catalog().get(app).isPresent());
    }

    DriftAuditorServiceTest() {
        super(PlumblineService.DRIFT_AUDITOR);
    }

    @Override
    protected String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    protected URI root() {
        try {
            return root.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
