package dev.plumbline.renderer.render.helm;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.jni.NativeLibrary;
import com.sun.jna.Native;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * How a Helm worker is started: this JVM's own {@code java}, a heap cap, and a class path made of the jars (or
 * class folders) the worker's classes were loaded from here. The class path is built from where the classes come
 * from, not from {@code java.class.path}, because a packaged Quarkus service's class path is {@code quarkus-run.jar}
 * alone. The worker runs with an environment of its own: its folder as {@code HOME}, and {@code GOMEMLIMIT}, so
 * that Go collects garbage harder before the memory limit rather than after.
 */
public final class WorkerLaunch {

    private static final Logger LOG = Logger.getLogger(WorkerLaunch.class);
    private static final long MIB = 1024 * 1024;
    /** What the JVM needs beside its heap (classes, compiled code, threads), left out of Go's share. */
    private static final long JVM_OVERHEAD = 96 * MIB;
    /** The least Go is left for templating. */
    private static final long GO_AT_LEAST = 64 * MIB;

    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final String classPath;
    private final long heapBytes;
    private final long memoryBytes;
    private final long maxOutputBytes;

    /**
     * @param heapBytes      the worker's Java heap ({@code -Xmx})
     * @param memoryBytes    the most resident memory a worker may use, its heap and Go's native memory together
     * @param maxOutputBytes the largest output a worker sends back ({@code plumbline.render.max-bytes}): a larger one
     *                       is measured in the worker and never crosses into the renderer's heap
     */
    public WorkerLaunch(long heapBytes, long memoryBytes, long maxOutputBytes) {
        long least = heapBytes + JVM_OVERHEAD + GO_AT_LEAST;
        if (memoryBytes < least) {
            throw new IllegalArgumentException("plumbline.render.helm.worker-memory (" + memoryBytes / MIB
                    + " MiB) must leave room above plumbline.render.helm.worker-heap (" + heapBytes / MIB
                    + " MiB) for the JVM itself and for Helm: set it to at least " + least / MIB + " MiB");
        }
        this.heapBytes = heapBytes;
        this.memoryBytes = memoryBytes;
        this.maxOutputBytes = maxOutputBytes;
        this.classPath = String.join(File.pathSeparator, locations());
        LOG.debugf("Helm workers start as %s with the class path %s", java, classPath);
    }

    public long memoryBytes() {
        return memoryBytes;
    }

    public long maxOutputBytes() {
        return maxOutputBytes;
    }

    ProcessBuilder builder(Path home) {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        java.toString(),
                        "-Xmx" + heapBytes / 1024 + "k",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:-UsePerfData",
                        "-Djava.io.tmpdir=" + home,
                        "-D" + HelmWorkerMain.MAX_OUTPUT_PROPERTY + "=" + maxOutputBytes,
                        "-cp",
                        classPath,
                        HelmWorkerMain.class.getName()))
                .directory(home.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("HOME", home.toString());
        environment.put("GOMEMLIMIT", (memoryBytes - heapBytes - JVM_OVERHEAD) / MIB + "MiB");
        return builder;
    }

    /** The jars or folders of the worker itself, helm-java with its native library for this platform, JNA, Jackson. */
    private static Set<String> locations() {
        Set<String> locations = new LinkedHashSet<>();
        Stream.concat(
                        Stream.of(
                                HelmWorkerMain.class,
                                Helm.class,
                                NativeLibrary.class,
                                Native.class,
                                ObjectMapper.class,
                                JsonFactory.class,
                                JsonAutoDetect.class),
                        ServiceLoader.load(NativeLibrary.class, HelmWorkerMain.class.getClassLoader()).stream()
                                .map(ServiceLoader.Provider::type))
                .forEach(type -> locations.add(location(type)));
        return locations;
    }

    private static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException(
                    "cannot tell which jar " + type.getName() + " was loaded from, so Helm workers cannot be started");
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the jar of " + type.getName() + " is not a local file (" + source.getLocation() + ")", e);
        }
    }
}
