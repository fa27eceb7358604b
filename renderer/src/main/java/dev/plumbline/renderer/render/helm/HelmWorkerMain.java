package dev.plumbline.renderer.render.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A Helm worker: a JVM of its own, started by {@link HelmWorker}, that templates charts with helm-java. It reads
 * one {@link TemplateJob} as a JSON line on stdin at a time and answers with one {@link WorkerReply} JSON line on
 * stdout. Anything else a library prints goes to stderr, so stdout carries answers only. It ends when stdin closes
 * or when the renderer that started it is gone, so a render stuck in a template never outlives its renderer.
 */
public final class HelmWorkerMain {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The system property carrying the largest output a worker sends back, in UTF-8 bytes. */
    static final String MAX_OUTPUT_PROPERTY = "plumbline.render.max-bytes";

    private HelmWorkerMain() {}

    public static void main(String[] args) throws IOException {
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        ProcessHandle.current()
                .parent()
                .ifPresent(renderer ->
                        renderer.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
        BufferedReader jobs = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = jobs.readLine(); line != null; line = jobs.readLine()) {
            replies.println(JSON.writeValueAsString(answer(JSON.readValue(line, TemplateJob.class))));
            replies.flush();
        }
        System.exit(0);
    }

    private static WorkerReply answer(TemplateJob job) {
        TemplateCommand template = new Helm(Path.of(job.chart())).template().withName(job.release());
        if (job.namespace() != null) {
            template.withNamespace(job.namespace());
        }
        if (job.kubeVersion() != null) {
            template.withKubeVersion(job.kubeVersion());
        }
        job.valuesFiles().forEach(file -> template.withValuesFile(Path.of(file)));
        job.settings().forEach(setting -> template.set(setting.name(), setting.value()));
        try {
            String output = template.call();
            long bytes = utf8Bytes(output);
            return bytes > Long.getLong(MAX_OUTPUT_PROPERTY, Long.MAX_VALUE)
                    ? WorkerReply.tooLarge(bytes)
                    : WorkerReply.rendered(output);
        } catch (IllegalStateException e) {
            // how helm-java reports Helm's refusal, with Helm's message; anything else ends the worker, on stderr
            return WorkerReply.failed(e.getMessage());
        }
    }

    /** The length of {@code text} in UTF-8, counted without encoding it: the output may be most of the heap. */
    static long utf8Bytes(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // a surrogate is half of a 4-byte character
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }
}
