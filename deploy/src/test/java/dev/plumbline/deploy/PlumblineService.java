package dev.plumbline.deploy;

import dev.plumbline.driftauditor.config.DriftAuditorConfig;
import dev.plumbline.gitwatcher.config.GitWatcherConfig;
import dev.plumbline.imageupdater.config.ImageUpdaterConfig;
import dev.plumbline.notifier.config.NotifierConfig;
import dev.plumbline.reconciler.config.ReconcilerConfig;
import dev.plumbline.renderer.config.RendererConfig;
import dev.plumbline.servicekit.topics.ServiceSettings;
import java.util.Arrays;
import java.util.Optional;

/** The six services as deploy/ and docker-compose.yml know them: name, HTTP port, settings. */
enum PlumblineService {
    GIT_WATCHER("git-watcher", 8081, GitWatcherConfig.class),
    RENDERER("renderer", 8082, RendererConfig.class),
    RECONCILER("reconciler", 8083, ReconcilerConfig.class),
    DRIFT_AUDITOR("drift-auditor", 8084, DriftAuditorConfig.class),
    NOTIFIER("notifier", 8085, NotifierConfig.class),
    IMAGE_UPDATER("image-updater", 8087, ImageUpdaterConfig.class);

    private final String id;
    private final int port;
    private final Class<?> configMapping;

    PlumblineService(String id, int port, Class<?> configMapping) {
        this.id = id;
        this.port = port;
        this.configMapping = configMapping;
    }

    /** The service's name: its module, Deployment, Service, container, compose service and image name. */
    String id() {
        return id;
    }

    int port() {
        return port;
    }

    /** Its settings: its own configuration interface and the service-kit's, both under {@code plumbline}. */
    Class<?>[] configMappings() {
        return new Class<?>[] {configMapping, ServiceSettings.class};
    }

    /** The image -Pimages builds for it. */
    String image() {
        return "plumbline/" + id + ":" + Repo.projectVersion();
    }

    /** The HTTP port the service itself listens on when nothing overrides it. */
    int portInApplicationProperties() {
        return Integer.parseInt(Repo.properties(id + "/src/main/resources/application.properties")
                .getProperty("quarkus.http.port"));
    }

    static Optional<PlumblineService> byId(String id) {
        return Arrays.stream(values()).filter(service -> service.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
