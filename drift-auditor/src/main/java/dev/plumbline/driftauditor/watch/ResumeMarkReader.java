package dev.plumbline.driftauditor.watch;

import dev.plumbline.driftauditor.pause.ResumeMark;
import dev.plumbline.events.ApplicationSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads the resume mark ({@code plumbline.dev/self-heal-resumed-by} and {@code -at}) from an Application, so the
 * trail can name who resumed self-heal. When the Application cannot be read, the resume is recorded without a name
 * rather than held up.
 */
public final class ResumeMarkReader {

    private static final Logger LOG = Logger.getLogger(ResumeMarkReader.class);
    private static final String API_VERSION = "plumbline.dev/v1alpha1";
    private static final String KIND = "Application";

    private final KubernetesClient client;

    public ResumeMarkReader(KubernetesClient client) {
        this.client = client;
    }

    public Optional<ResumeMark> of(ApplicationSpec spec) {
        if (spec.namespace() == null) {
            return Optional.empty();
        }
        try {
            GenericKubernetesResource application = client.genericKubernetesResources(API_VERSION, KIND)
                    .inNamespace(spec.namespace())
                    .withName(spec.app())
                    .get();
            if (application == null || application.getMetadata().getAnnotations() == null) {
                return Optional.empty();
            }
            Map<String, String> annotations = application.getMetadata().getAnnotations();
            return ResumeMark.from(annotations);
        } catch (KubernetesClientException unreadable) {
            LOG.warnf(
                    "app %s: cannot read Application %s/%s for who resumed self-heal (%s); recorded as unknown",
                    spec.app(), spec.namespace(), spec.app(), unreadable.getMessage());
            return Optional.empty();
        }
    }
}
