package dev.plumbline.reconciler.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.engine.diff.ObjectDiffer;
import dev.plumbline.engine.ignore.IgnoreRules;
import dev.plumbline.events.manifest.FieldDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import java.util.List;
import org.junit.jupiter.api.Test;

class GainedEntriesAndRemovedFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectIdentity WEB = ObjectIdentity.namespaced("apps/v1", "Deployment", "shop", "web");

    @Test
    void anEnvVarAddedByHandIsRemovedByAJsonPatchThatTestsItFirst() throws Exception {
        JsonNode desired = JSON.readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop"},
                 "spec":{"template":{"spec":{"containers":[{"name":"web","image":"web:1",
                   "env":[{"name":"A","value":"1"}]}]}}}}""");
        JsonNode live = JSON.readTree("""
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop"},
                 "spec":{"template":{"spec":{"containers":[{"name":"web","image":"web:1",
                   "env":[{"name":"A","value":"1"},{"name":"DEBUG","value":"true"}]}]}}}}""");

        var changes = new ObjectDiffer(new IgnoreRules(List.of())).changes(WEB, desired, live);

        assertThat(GainedEntries.removals(changes, live).toString())
                .isEqualTo("["
                        + "{\"op\":\"test\",\"path\":\"/spec/template/spec/containers/0/env/1\","
                        + "\"value\":{\"name\":\"DEBUG\",\"value\":\"true\"}},"
                        + "{\"op\":\"remove\",\"path\":\"/spec/template/spec/containers/0/env/1\"}]");
    }

    @Test
    void laterListPositionsAreRemovedFirst() {
        assertThat(GainedEntries.comparePointers("/a/10", "/a/9")).isPositive();
    }

    @Test
    void aFieldPlumblineAppliedAndGitNoLongerHasIsADifference() throws Exception {
        JsonNode desired = JSON.readTree("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"shop"},"data":{"a":"1"}}""");
        JsonNode live = JSON.readTree("""
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"shop","managedFields":[
                  {"manager":"plumbline","operation":"Apply","fieldsType":"FieldsV1",
                   "fieldsV1":{"f:data":{"f:a":{},"f:b":{}}}},
                  {"manager":"kubectl-edit","operation":"Update","fieldsType":"FieldsV1",
                   "fieldsV1":{"f:data":{"f:c":{}}}}]},
                 "data":{"a":"1","b":"2","c":"3"}}""");

        List<FieldDiff> removed = RemovedFields.find(
                ObjectIdentity.namespaced("v1", "ConfigMap", "shop", "c"), desired, live, "plumbline");

        assertThat(removed).singleElement().satisfies(diff -> {
            assertThat(diff.path()).isEqualTo("data.b");
            assertThat(diff.before().asText()).isEqualTo("2");
            assertThat(diff.after()).isNull();
        });
    }
}
