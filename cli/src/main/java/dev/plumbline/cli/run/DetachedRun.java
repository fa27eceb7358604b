package dev.plumbline.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A run started with {@code up --detach}, found again through its process list so {@code down} can stop it. */
public final class DetachedRun {

    private DetachedRun() {}

    /** Stops the processes of the run and returns the names of those it stopped; none when nothing runs. */
    public static List<String> stop(RunLayout layout) {
        if (!Files.exists(layout.processesFile())) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(layout.processesFile(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + layout.processesFile(), e);
        }
        List<Shutdown.Member> running = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.trim().split(" ", 3);
            if (fields.length != 3) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(fields[0]))
                    .filter(handle -> isTheSameProcess(handle, Long.parseLong(fields[1])))
                    .filter(ProcessHandle::isAlive)
                    .ifPresent(process -> running.add(new Shutdown.Member(fields[2], process)));
        }
        Shutdown.stop(running);
        List<String> stopped =
                new ArrayList<>(running.stream().map(Shutdown.Member::name).toList());
        Collections.reverse(stopped);
        try {
            Files.deleteIfExists(layout.processesFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + layout.processesFile(), e);
        }
        return stopped;
    }

    /**
     * A process list can outlive its run (a reboot), and a recycled pid must never stop someone else's process:
     * the start time recorded with the pid tells them apart.
     */
    private static boolean isTheSameProcess(ProcessHandle process, long startedAtMillis) {
        return process.info()
                .startInstant()
                .map(start -> start.toEpochMilli() == startedAtMillis)
                .orElse(false);
    }
}
