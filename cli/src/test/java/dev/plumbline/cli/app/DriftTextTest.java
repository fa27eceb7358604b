package dev.plumbline.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DriftTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void objectsDeletedByHandAreShownAsDeletedNotAsZeroFields() throws Exception {
        JsonNode app = app("""
                {"episodeId": "e1", "mode": "heal", "revision": "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", "objects": 2, "fields": 0,
                 "deleted": 2, "orphans": 0, "healing": true, "detectedAt": "2026-11-27T15:10:00Z"}""");

        assertThat(AppListCommand.drift(app)).isEqualTo("heal: 2 deleted object(s), healing");
        assertThat(AppGetCommand.drift(app.path("status").path("drift")))
                .isEqualTo("heal: 2 deleted object(s) (1a2b3c4), detected 2026-11-27T15:10:00Z, healing (episode e1)");
    }

    @Test
    void changedFieldsDeletedObjectsAndOrphansAreEachNamed() throws Exception {
        JsonNode app = app("""
                {"episodeId": "e1", "mode": "warn", "revision": "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", "objects": 4, "fields": 3,
                 "deleted": 1, "orphans": 1, "healing": false, "detectedAt": "2026-11-27T15:10:00Z",
                 "changedBy": ["kubectl-edit"]}""");

        assertThat(AppListCommand.drift(app)).isEqualTo("warn: 3 field(s), 1 deleted object(s), 1 orphan(s)");
        assertThat(AppGetCommand.drift(app.path("status").path("drift")))
                .startsWith("warn: 3 field(s) in 2 object(s), 1 deleted object(s), 1 orphan(s) (1a2b3c4), ");
    }

    @Test
    void aStatusWrittenBeforeDeletedObjectsWereCountedStillSaysHowManyObjects() throws Exception {
        JsonNode app = app("""
                {"episodeId": "e1", "mode": "heal", "objects": 1, "fields": 0, "healing": true}""");

        assertThat(AppListCommand.drift(app)).isEqualTo("heal: 1 object(s), healing");
    }

    private static JsonNode app(String drift) throws Exception {
        return JSON.readTree("{\"status\": {\"drift\": " + drift + "}}");
    }
}
