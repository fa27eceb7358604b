package dev.plumbline.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SyncPolicyTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAppThatMayAdoptExistingObjectsSaysSo() throws Exception {
        assertThat(AppGetCommand.syncPolicy(JSON.readTree("{\"automated\":{\"prune\":true},\"adoptExisting\":true}")))
                .isEqualTo("automated (prune, adopts existing objects)");
        assertThat(AppGetCommand.syncPolicy(JSON.readTree("{\"adoptExisting\":true}")))
                .isEqualTo("manual (differences are reported, nothing is applied); a sync adopts existing objects");
        assertThat(AppGetCommand.syncPolicy(JSON.readTree("{\"automated\":{\"prune\":true}}")))
                .isEqualTo("automated (prune)");
    }
}
