package dev.plumbline.renderer.render.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plumbline.renderer.render.ScratchFolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;

/**
 * One Helm worker process ({@link HelmWorkerMain}) and the two threads reading its stdout (answers) and stderr; the
 * last lines it printed that are not answers are kept, to say why it died. It templates one chart at a time. When it ends, however it ends, the call
 * waiting for it fails with {@link HelmWorkerDied} saying how, and its folder is removed.
 */
final class HelmWorker {

    private static final Logger LOG = Logger.getLogger(HelmWorker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LINES_KEPT = 20;

    private final String name;
    private final Process process;
    private final Path home;
    private final Writer jobs;
    private final Deque<String> outputTail = new ArrayDeque<>();
    private final CompletableFuture<Void> stderrRead = new CompletableFuture<>();
    private CompletableFuture<WorkerReply> pending;
    private String endedHow;
    private volatile String killedBecause;

    private HelmWorker(String name, Process process, Path home) {
        this.name = name;
        this.process = process;
        this.home = home;
        this.jobs = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        daemon(name + "-stdout", this::readReplies);
        daemon(name + "-stderr", this::readStderr);
    }

    /**
     * Starts a worker whose files (helm-java's native library among them) live in a new folder under {@code homes},
     * of its own even when several pools share {@code homes}.
     */
    static HelmWorker start(WorkerLaunch launch, Path homes) throws IOException {
        Path home = Files.createTempDirectory(Files.createDirectories(homes), "helm-worker-");
        try {
            return new HelmWorker(
                    home.getFileName().toString(), launch.builder(home).start(), home);
        } catch (IOException e) {
            ScratchFolder.remove(home);
            throw e;
        }
    }

    /**
     * Sends one job and waits for its answer; interruptible.
     *
     * @throws HelmWorkerDied when the process ends before answering
     */
    WorkerReply template(TemplateJob job) throws InterruptedException {
        CompletableFuture<WorkerReply> reply = new CompletableFuture<>();
        synchronized (this) {
            if (endedHow != null) {
                throw new HelmWorkerDied(endedHow);
            }
            pending = reply;
        }
        try {
            jobs.write(JSON.writeValueAsString(job));
            jobs.write('\n');
            jobs.flush();
        } catch (IOException gone) {
            // the process is gone: the stdout reader completes the reply with how it ended
        }
        try {
            return reply.get();
        } catch (ExecutionException e) {
            throw (HelmWorkerDied) e.getCause();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Kills the process and anything it started, at once; {@code because} is what the waiting call is told. */
    void kill(String because) {
        if (killedBecause == null) {
            killedBecause = because;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Its resident memory (Java heap, the JVM's own and Go's native memory alike), or -1 if it cannot be read. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // gone, or not Linux
        }
        return -1;
    }

    private void readReplies() {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                answer(line);
            }
        } catch (IOException closed) {
            // killed: the pipe closed under the reader
        }
        String how = howItEnded();
        synchronized (this) {
            endedHow = how;
            if (pending != null) {
                pending.completeExceptionally(new HelmWorkerDied(how));
            }
        }
        ScratchFolder.remove(home);
    }

    private void answer(String line) {
        try {
            WorkerReply reply = JSON.readValue(line, WorkerReply.class);
            synchronized (this) {
                if (pending != null) {
                    pending.complete(reply);
                    pending = null;
                }
            }
        } catch (JsonProcessingException notAnAnswer) {
            // the JVM itself prints there, "Terminating due to java.lang.OutOfMemoryError" among others
            keep(line);
        }
    }

    private void readStderr() {
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                keep(line);
            }
        } catch (IOException closed) {
            // killed
        } finally {
            stderrRead.complete(null);
        }
    }

    private void keep(String line) {
        LOG.debugf("%s: %s", name, line);
        synchronized (outputTail) {
            outputTail.addLast(line);
            if (outputTail.size() > LINES_KEPT) {
                outputTail.removeFirst();
            }
        }
    }

    private String howItEnded() {
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor();
                stderrRead.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException impossible) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (killedBecause != null) {
            return killedBecause;
        }
        List<String> tail;
        synchronized (outputTail) {
            tail = List.copyOf(outputTail);
        }
        return WorkerExit.describe(process.exitValue(), tail);
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
