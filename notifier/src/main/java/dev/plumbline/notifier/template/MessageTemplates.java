package dev.plumbline.notifier.template;

import dev.plumbline.notifier.aggregate.Notification;
import io.quarkus.qute.Engine;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes notifications with Qute templates that users can replace. Each of the four templates ({@value #TITLE},
 * {@value #TEXT}, {@value #MARKDOWN}, {@value #HTML}) is looked up, first match wins, as
 * {@code <override>/<occasion>/<name>}, {@code <override>/<name>}, then the jar's defaults the same way; so a team
 * can change one occasion's email without copying the rest. Values are escaped for the format: HTML in
 * {@value #HTML}, Slack's {@code & < >} in {@value #MARKDOWN}.
 */
public final class MessageTemplates {

    public static final String TITLE = "title.txt";
    public static final String TEXT = "text.txt";
    public static final String MARKDOWN = "slack.md";
    public static final String HTML = "email.html";
    static final String DEFAULTS = "notifier-templates/";

    private final Engine engine;
    private final Optional<Path> overrides;
    private final int maxListed;
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    /**
     * @param overrides the folder of the user's templates, if any
     * @param maxListed how many objects a message lists before it only counts the rest
     */
    public MessageTemplates(Optional<Path> overrides, int maxListed) {
        this.overrides = overrides;
        this.maxListed = maxListed;
        this.engine = Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new Escaper(
                        ".html", Map.of('&', "&amp;", '<', "&lt;", '>', "&gt;", '"', "&quot;", '\'', "&#39;")))
                .addResultMapper(new Escaper(".md", Map.of('&', "&amp;", '<', "&lt;", '>', "&gt;")))
                .removeStandaloneLines(true)
                .build();
    }

    public RenderedMessage render(Notification notification) {
        MessageView view = MessageView.of(notification, maxListed);
        String occasion = view.trigger();
        String title = render(occasion, TITLE, view, "").strip().replaceAll("\\s*\\n\\s*", " ");
        return new RenderedMessage(
                title,
                render(occasion, TEXT, view, title).strip(),
                render(occasion, MARKDOWN, view, title).strip(),
                render(occasion, HTML, view, title).strip(),
                view);
    }

    /** Every template sees the notification as {@code n} and the rendered title as {@code title}. */
    private String render(String occasion, String name, MessageView view, String title) {
        Template template = cache.computeIfAbsent(occasion + "/" + name, id -> parse(occasion, name));
        return template.data("n", view).data("title", title).render();
    }

    private Template parse(String occasion, String name) {
        for (String candidate : List.of(occasion + "/" + name, name)) {
            Optional<String> content = overrides
                    .map(folder -> folder.resolve(candidate))
                    .filter(Files::isRegularFile)
                    .map(MessageTemplates::read);
            if (content.isEmpty()) {
                content = resource(DEFAULTS + candidate);
            }
            if (content.isPresent()) {
                return engine.parse(content.get(), null, candidate);
            }
        }
        throw new IllegalStateException("no template " + name + " in the jar: the build is broken");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + file, e);
        }
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + path + " from the jar", e);
        }
    }

    /** Escapes every value written into templates of one format, except values marked raw. */
    private record Escaper(String suffix, Map<Character, String> replacements) implements ResultMapper {

        @Override
        public boolean appliesTo(io.quarkus.qute.TemplateNode.Origin origin, Object result) {
            return !(result instanceof RawString)
                    && origin.getTemplateId() != null
                    && origin.getTemplateId().endsWith(suffix);
        }

        @Override
        public String map(Object result, io.quarkus.qute.Expression expression) {
            String text = result.toString();
            StringBuilder escaped = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                String replacement = replacements.get(c);
                escaped.append(replacement == null ? String.valueOf(c) : replacement);
            }
            return escaped.toString();
        }
    }
}
