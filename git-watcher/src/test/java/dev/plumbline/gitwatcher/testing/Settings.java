package dev.plumbline.gitwatcher.testing;

import dev.plumbline.gitwatcher.config.GitWatcherConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/** The git-watcher's settings read from a map, as the service reads them, for tests that run without Quarkus. */
public final class Settings {

    private Settings() {}

    public static GitWatcherConfig of(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withMapping(GitWatcherConfig.class)
                .withValidateUnknown(false)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(GitWatcherConfig.class);
    }
}
