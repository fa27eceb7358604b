package dev.plumbline.engine.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.engine.diff.ObjectDiffer;
import dev.plumbline.engine.ignore.IgnoreRules;
import dev.plumbline.engine.testing.GoldenFiles;
import dev.plumbline.events.manifest.ObjectDiff;
import dev.plumbline.events.manifest.ObjectIdentity;
import dev.plumbline.events.manifest.RenderedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Diff throughput in objects per second: each operation diffs one object, desired against live, as the reconciler
 * does for every object of every app on every reconcile. The objects are the golden cases' realistic Deployments,
 * Services, ConfigMaps and Secrets, live as the API server returns them (defaults, managed fields), in two sets:
 * unchanged (the steady state) and changed (updates, gained entries, masked Secret values).
 * Run with {@code ./mvnw -B -Pbench -pl engine -am verify -DskipTests}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DiffBenchmark {

    private static final int COPIES = 50;
    private static final int OBJECTS_PER_SET = 3 * COPIES;

    private final ObjectDiffer differ = new ObjectDiffer(IgnoreRules.none());
    private List<RenderedObject> unchangedDesired;
    private List<JsonNode> unchangedLive;
    private List<RenderedObject> changedDesired;
    private List<JsonNode> changedLive;

    @Setup
    public void loadObjects() {
        unchangedDesired = new ArrayList<>();
        unchangedLive = new ArrayList<>();
        changedDesired = new ArrayList<>();
        changedLive = new ArrayList<>();
        for (int copy = 0; copy < COPIES; copy++) {
            for (String testCase : List.of("defaulted-fields", "int-or-string", "server-set-metadata")) {
                add(testCase, copy, unchangedDesired, unchangedLive);
            }
            for (String testCase : List.of("changed-fields", "ignore-manager", "secret-masked")) {
                add(testCase, copy, changedDesired, changedLive);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(OBJECTS_PER_SET)
    public void unchangedObjects(Blackhole sink) {
        diffAll(unchangedDesired, unchangedLive, sink);
    }

    @Benchmark
    @OperationsPerInvocation(OBJECTS_PER_SET)
    public void changedObjects(Blackhole sink) {
        diffAll(changedDesired, changedLive, sink);
    }

    private void diffAll(List<RenderedObject> desired, List<JsonNode> live, Blackhole sink) {
        for (int i = 0; i < desired.size(); i++) {
            ObjectDiff diff = differ.diff(desired.get(i), live.get(i));
            sink.consume(diff);
        }
    }

    /** A renamed copy, so the benchmark walks distinct objects as a real app's would be. */
    private static void add(String testCase, int copy, List<RenderedObject> desired, List<JsonNode> live) {
        RenderedObject wanted = GoldenFiles.desired(testCase).get(0);
        ObjectNode wantedBody = wanted.body().deepCopy();
        ObjectNode liveBody = (ObjectNode) GoldenFiles.live(testCase).get(0).deepCopy();
        String name = wanted.identity().name() + "-" + copy;
        ((ObjectNode) wantedBody.path("metadata")).put("name", name);
        ((ObjectNode) liveBody.path("metadata")).put("name", name);
        ObjectIdentity identity = wanted.identity();
        desired.add(new RenderedObject(
                new ObjectIdentity(identity.group(), identity.version(), identity.kind(), identity.namespace(), name),
                wantedBody,
                null));
        live.add(liveBody);
    }
}
