package dev.plumbline.imageupdater.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the image history is read: before that, a promotion could be told or opened twice. */
@Readiness
@ApplicationScoped
public class HistoryReadiness implements HealthCheck {

    @Inject
    HistoryReader history;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("image history")
                .status(history.loaded())
                .build();
    }
}
