package dev.plumbline.notifier.config;

import io.smallrye.config.ConfigMapping;

/**
 * Every setting of the notifier service. Each property can also be set from the environment, for example
 * {@code plumbline.x.y} as {@code PLUMBLINE_X_Y}. The notifier writes no topic, so it has no topic settings.
 */
@ConfigMapping(prefix = "plumbline")
public interface NotifierConfig {
}
