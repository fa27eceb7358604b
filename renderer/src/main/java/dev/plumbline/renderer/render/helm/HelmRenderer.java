package dev.plumbline.renderer.render.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.plumbline.events.application.HelmOptions;
import dev.plumbline.events.application.HelmParameter;
import dev.plumbline.events.vocabulary.RenderFailureReason;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.renderer.render.InputSet;
import dev.plumbline.renderer.render.ManifestParser;
import dev.plumbline.renderer.failure.RenderFailure;
import dev.plumbline.renderer.render.RenderRequest;
import dev.plumbline.renderer.render.Renderer;
import dev.plumbline.renderer.render.SourceObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A Helm chart, templated in-process by helm-java as {@code helm template} would: release name, destination
 * namespace, the Application's value files in order, its inline values after them, and its {@code --set}
 * parameters last.
 */
public final class HelmRenderer implements Renderer {

    private static final HelmOptions NO_OPTIONS = new HelmOptions(null, List.of(), null, List.of());

    private final Runnable afterFirstTemplate;
    private final AtomicBoolean templated = new AtomicBoolean();

    /**
     * @param afterFirstTemplate run once, after the first template: the native Helm library takes over the
     *                           process's signal handlers when it loads, and this gives them back
     */
    public HelmRenderer(Runnable afterFirstTemplate) {
        this.afterFirstTemplate = afterFirstTemplate;
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
        Path chart = inputs.localDeps().isEmpty() ? request.appDir() : withLocalDeps(request, inputs.localDeps());
        String release = options.releaseName() == null ? request.app() : options.releaseName();
        TemplateCommand template = new Helm(chart).template()
                .withName(release)
                .withNamespace(request.spec().destination().namespace());
        inputs.valueFiles().forEach(template::withValuesFile);
        if (options.values() != null && !options.values().isBlank()) {
            template.withValuesFile(write(request.scratch().resolve("inline-values.yaml"), options.values()));
        }
        for (HelmParameter parameter : options.parameters()) {
            template.set(parameter.name(), parameter.value() == null ? "" : parameter.value());
        }
        String output;
        try {
            output = template.call();
        } catch (IllegalStateException e) {
            throw TemplateErrors.failure(e.getMessage(), request.path());
        } finally {
            if (templated.compareAndSet(false, true)) {
                afterFirstTemplate.run();
            }
        }
        Map<Integer, String> templates = sourceComments(output, request.path());
        return ManifestParser.parse(output, "the helm template output of " + request.path(), null,
                line -> templateAt(templates, line));
    }

    private static HelmOptions options(RenderRequest request) {
        return request.source().helm() == null ? NO_OPTIONS : request.source().helm();
    }

    private static ChartInputs chartInputs(RenderRequest request) {
        if (!Files.isRegularFile(request.appDir().resolve("Chart.yaml"))) {
            throw new RenderFailure(RenderFailureReason.PATH_NOT_FOUND, request.path()
                    + " has no Chart.yaml: it is not a Helm chart", request.fileInPath("Chart.yaml"), null);
        }
        return ChartInputs.of(request.tree(), request.appDir(), options(request).valueFiles());
    }

    /**
     * A copy of the chart with its {@code file://} dependencies put under {@code charts/}, as
     * {@code helm dependency build} would, so that the shared extracted tree is never changed.
     */
    private static Path withLocalDeps(RenderRequest request, Map<String, Path> localDeps) {
        Path copy = request.scratch().resolve("chart");
        copyTree(request.appDir(), copy);
        localDeps.forEach((name, folder) -> copyTree(folder, copy.resolve("charts").resolve(name)));
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
                templates.put(line, TemplateErrors.repositoryPath(text.substring("# Source: ".length()).trim(),
                        chartPath));
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
