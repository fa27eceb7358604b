package dev.plumbline.servicekit.instance;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code plumbline.instance} as {@link InstanceName} resolves it, once per process, so every use of it (client ids,
 * the Kubernetes header, the start-up log) names the same instance even when the name is a random id. Its ordinal
 * is below {@code application.properties} (250), so a service's tests can name an instance of their own.
 */
public final class InstanceConfigSource implements ConfigSource {

    /** Above the kit's shared defaults (100), below application.properties (250) and the environment (300). */
    static final int ORDINAL = 150;

    private final Map<String, String> settings;

    public InstanceConfigSource() {
        this(InstanceName.ofThisProcess());
    }

    InstanceConfigSource(String instance) {
        this.settings = Map.of(InstanceName.PROPERTY, instance);
    }

    @Override
    public Map<String, String> getProperties() {
        return settings;
    }

    @Override
    public Set<String> getPropertyNames() {
        return settings.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return settings.get(propertyName);
    }

    @Override
    public String getName() {
        return "instance name (" + InstanceName.VARIABLE + ", HOSTNAME or a random id)";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
