package dev.plumbline.renderer.render.helm;

import dev.plumbline.events.application.HelmOptions;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.renderer.failure.RenderFailure;
import dev.plumbline.renderer.render.HelmCapabilities;
import dev.plumbline.renderer.render.InputSet;
import dev.plumbline.renderer.render.ManifestParser;
import dev.plumbline.renderer.render.RenderRequest;
import dev.plumbline.renderer.render.Renderer;
import dev.plumbline.renderer.render.SourceObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A Helm chart, templated by helm-java in a Helm worker process ({@link HelmTemplating}) as {@code helm template}
 * would: release name, destination
 * namespace, the Application's value files in order, its inline values after them, and its {@code --set}
 * parameters last. The chart sees the destination cluster through {@code .Capabilities} (see
 * {@link HelmCapabilities}): its version through {@code --kube-version}, its API versions written into the templates
 * (see {@link ApiVersionsRewrite}).
 */
public final class HelmRenderer implements Renderer {

    private static final HelmOptions NO_OPTIONS = new HelmOptions(null, List.of(), null, List.of());

    private static final Logger LOG = Logger.getLogger(HelmRenderer.class);

    private final HelmTemplating helm;
    private final AtomicBoolean unknownCapabilitiesTold = new AtomicBoolean();
    private volatile List<String> helmApiVersions;

    public HelmRenderer(HelmTemplating helm) {
        this.helm = helm;
    }

    @Override
    public RendererKind kind() {
        return RendererKind.HELM;
    }

    @Override
    public InputSet inputs(RenderRequest request) {
        return InputSet.of(chartInputs(request).paths());
    }

    @Override
    public List<SourceObject> render(RenderRequest request) {
        HelmOptions options = options(request);
        ChartInputs inputs = chartInputs(request);
        HelmCapabilities capabilities = HelmCapabilities.of(request.spec());
        if (capabilities.unknown() && unknownCapabilitiesTold.compareAndSet(false, true)) {
            LOG.infof(
                    "Application %s: the destination cluster's version and API versions are not known yet (the "
                            + "reconciler publishes them once it has read the cluster), so charts see Helm's defaults; "
                            + "this is said once",
                    request.app());
        }
        boolean rewrite = !capabilities.apiVersions().isEmpty()
                && ApiVersionsRewrite.asked(request.appDir(), inputs.localDeps().values());
        Path chart = inputs.localDeps().isEmpty() && !rewrite ? request.appDir() : copy(request, inputs.localDeps());
        if (rewrite) {
            Set<String> served = new TreeSet<>(helmApiVersions(request));
            served.addAll(capabilities.apiVersions());
            ApiVersionsRewrite.apply(chart, served);
        }
        String release = options.releaseName() == null ? request.app() : options.releaseName();
        List<String> valueFiles = new ArrayList<>();
        inputs.valueFiles().forEach(file -> valueFiles.add(file.toString()));
        if (options.values() != null && !options.values().isBlank()) {
            valueFiles.add(write(request.scratch().resolve("inline-values.yaml"), options.values())
                    .toString());
        }
        List<TemplateJob.Setting> settings = options.parameters().stream()
                .map(parameter ->
                        new TemplateJob.Setting(parameter.name(), parameter.value() == null ? "" : parameter.value()))
                .toList();
        TemplateJob job = new TemplateJob(
                chart.toString(),
                release,
                request.spec().destination().namespace(),
                capabilities.kubeVersion(),
                valueFiles,
                settings);
        String output;
        try {
            output = call(request, job);
        } catch (HelmError e) {
            throw TemplateErrors.failure(explained(e.getMessage(), capabilities), request.path());
        }
        Map<Integer, String> templates = sourceComments(output, request.path());
        return ManifestParser.parse(
                output, "the helm template output of " + request.path(), null, line -> templateAt(templates, line));
    }

    /** Templates in a worker; a worker that dies fails this Application's render, naming how it died. */
    private String call(RenderRequest request, TemplateJob job) {
        try {
            return helm.template(job);
        } catch (HelmWorkerDied died) {
            throw workerDied(request, died);
        }
    }

    private static RenderFailure workerDied(RenderRequest request, HelmWorkerDied died) {
        return new RenderFailure(
                RenderFailureReason.RENDER_WORKER_DIED,
                "the Helm worker templating " + request.path() + " for Application " + request.app() + " "
                        + died.getMessage() + " (no other Application was affected)",
                request.fileInPath("Chart.yaml"),
                null);
    }

    @Override
    public void close() {
        helm.close();
    }

    /** A chart refusing Helm's default version is told why no other version was there to offer. */
    private static String explained(String message, HelmCapabilities capabilities) {
        if (message != null && capabilities.kubeVersion() == null && message.contains("incompatible with Kubernetes")) {
            return message + " (Helm's default version: the destination cluster's version is not known yet; set "
                    + "spec.source.helm.kubeVersion to render before the reconciler has read the cluster)";
        }
        return message;
    }

    /** The API versions Helm answers with on its own, asked of helm-java once. */
    private List<String> helmApiVersions(RenderRequest request) {
        List<String> known = helmApiVersions;
        if (known == null) {
            Path probe = request.scratch().resolve("api-versions-probe");
            write(probe.resolve("Chart.yaml"), "apiVersion: v2\nname: probe\nversion: 0.0.0\n");
            write(probe.resolve("templates").resolve("api-versions.yaml"), """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: probe
                    data:
                      apiVersions: {{ .Capabilities.APIVersions | toJson | quote }}
                    """);
            known = ApiVersionsRewrite.parseProbe(
                    call(request, new TemplateJob(probe.toString(), "probe", null, null, List.of(), List.of())));
            helmApiVersions = known;
        }
        return known;
    }

    private static HelmOptions options(RenderRequest request) {
        return request.source().helm() == null ? NO_OPTIONS : request.source().helm();
    }

    private static ChartInputs chartInputs(RenderRequest request) {
        if (!Files.isRegularFile(request.appDir().resolve("Chart.yaml"))) {
            throw new RenderFailure(
                    RenderFailureReason.PATH_NOT_FOUND,
                    request.path() + " has no Chart.yaml: it is not a Helm chart",
                    request.fileInPath("Chart.yaml"),
                    null);
        }
        return ChartInputs.of(request.tree(), request.appDir(), options(request).valueFiles());
    }

    /**
     * A copy of the chart with its {@code file://} dependencies put under {@code charts/}, as
     * {@code helm dependency build} would, so that the shared extracted tree is never changed.
     */
    private static Path copy(RenderRequest request, Map<String, Path> localDeps) {
        Path copy = request.scratch().resolve("chart");
        copyTree(request.appDir(), copy);
        localDeps.forEach(
                (name, folder) -> copyTree(folder, copy.resolve("charts").resolve(name)));
        return copy;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm marks each document with {@code # Source: chart/templates/x.yaml}: by line, as a repository path. */
    private static Map<Integer, String> sourceComments(String output, String chartPath) {
        Map<Integer, String> templates = new TreeMap<>();
        int line = 1;
        for (String text : (Iterable<String>) output.lines()::iterator) {
            if (text.startsWith("# Source: ")) {
                templates.put(
                        line,
                        TemplateErrors.repositoryPath(
                                text.substring("# Source: ".length()).trim(), chartPath));
            }
            line++;
        }
        return templates;
    }

    private static String templateAt(Map<Integer, String> templates, int line) {
        String template = null;
        for (Map.Entry<Integer, String> entry : templates.entrySet()) {
            if (entry.getKey() > line) {
                break;
            }
            template = entry.getValue();
        }
        return template == null ? "the helm output line " + line : "template " + template;
    }
}
