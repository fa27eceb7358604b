package dev.plumbline.servicekit.bus;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stops a production service that has no Kafka credentials, before any channel or client starts (this observer
 * runs first), with one sentence saying what to set. Tests ({@code %test}) use the shared PLAINTEXT test broker.
 */
@ApplicationScoped
public class AnonymousKafkaGuard {

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        if (!ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        KafkaCredentials.missing(name -> config.getOptionalValue(name, String.class))
                .ifPresent(sentence -> {
                    throw new MissingKafkaCredentialsException(sentence);
                });
    }

    /**
     * Its message says everything; a stack trace would bury it. Quarkus reports a configuration error as its message
     * alone.
     */
    static final class MissingKafkaCredentialsException extends ConfigurationException {

        private static final long serialVersionUID = 1L;

        MissingKafkaCredentialsException(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
