package dev.plumbline.renderer.render.helm;

import java.util.List;

/** How a Helm worker ended on its own, from its exit code and the last lines it printed, and what to do. */
final class WorkerExit {

    private static final int SIGNAL_EXIT_BASE = 128;
    private static final int SIGKILL = 9;

    private WorkerExit() {}

    static String describe(int exitCode, List<String> lastLines) {
        String javaHeap = find(lastLines, "OutOfMemoryError");
        if (javaHeap != null) {
            return "ran out of its Java heap (exit code " + exitCode + ", " + javaHeap.strip()
                    + "): the chart's output is larger than plumbline.render.helm.worker-heap allows; make the chart smaller "
                    + "or raise the setting";
        }
        String goMemory = find(lastLines, "out of memory");
        if (goMemory != null) {
            return "ran out of memory in Helm itself (exit code " + exitCode + ", " + goMemory.strip()
                    + "): a template that builds ever larger strings or lists never finishes; fix the chart";
        }
        if (exitCode == SIGNAL_EXIT_BASE + SIGKILL) {
            return "was killed (exit code " + exitCode
                    + ", SIGKILL: the system's out-of-memory killer, or someone else, stopped it)";
        }
        String last =
                lastLines.isEmpty() ? null : lastLines.get(lastLines.size() - 1).strip();
        return "exited with code " + exitCode + (last == null || last.isEmpty() ? "" : " (" + last + ")");
    }

    private static String find(List<String> lines, String mark) {
        return lines.stream().filter(line -> line.contains(mark)).findFirst().orElse(null);
    }
}
