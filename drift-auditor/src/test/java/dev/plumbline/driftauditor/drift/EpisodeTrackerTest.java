package dev.plumbline.driftauditor.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.plumbline.engine.object.ObjectKey;
import dev.plumbline.events.manifest.DriftedField;
import dev.plumbline.events.manifest.DriftedObject;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.vocabulary.DriftKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpisodeTrackerTest {

    private static final ObjectIdentity WEB = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web");
    private static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");

    private final EpisodeTracker episodes = new EpisodeTracker();

    @Test
    void anEpisodeBeginsOnceGrowsWithANewFieldIgnoresNewValuesAndEndsWithItsObjects() {
        EpisodeTracker.Change began = episodes.update(drift("spec.replicas", 5), NOW);
        assertThat(began).isInstanceOf(EpisodeTracker.Began.class);
        String id = episodes.episodeId();

        assertThat(episodes.update(drift("spec.replicas", 6), NOW)).isInstanceOf(EpisodeTracker.None.class);
        assertThat(episodes.update(drift("spec.paused", 1), NOW)).isEqualTo(new EpisodeTracker.Grew(id));

        EpisodeTracker.Change ended = episodes.update(Map.of(), NOW.plusSeconds(3));
        assertThat(ended).isEqualTo(new EpisodeTracker.Ended(id, NOW, false, List.of(WEB)));
        assertThat(episodes.update(Map.of(), NOW)).isInstanceOf(EpisodeTracker.None.class);
        assertThat(episodes.update(drift("spec.replicas", 5), NOW)).isInstanceOf(EpisodeTracker.Began.class);
        assertThat(episodes.episodeId()).isNotEqualTo(id);
    }

    private static Map<ObjectKey, DriftedObject> drift(String path, int live) {
        return Map.of(
                ObjectKey.of(WEB),
                new DriftedObject(
                        WEB,
                        DriftKind.MODIFIED,
                        List.of(new DriftedField(path, IntNode.valueOf(3), IntNode.valueOf(live), null))));
    }
}
