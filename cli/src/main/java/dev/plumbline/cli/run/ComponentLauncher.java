package dev.plumbline.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Turns components into processes that run on the same JDK as this command, logging to their own file. */
final class ComponentLauncher {

    private final RunLayout layout;
    private final String java;

    ComponentLauncher(RunLayout layout) {
        this.layout = layout;
        this.java = ProcessHandle.current().info().command().orElse("java");
    }

    Component sandbox(String name, String mainClass, List<String> args, Map<String, String> env, Pattern readyLine) {
        List<String> command =
                new ArrayList<>(List.of(java, "-cp", layout.sandboxJar().toString(), mainClass));
        command.addAll(args);
        return new Component(name, command, env, new Readiness.ReadyLine(readyLine));
    }

    Component service(String name, Path jar, Map<String, String> env) {
        return new Component(name, List.of(java, "-jar", jar.toString()), env, new Readiness.QuarkusService());
    }

    RunningComponent start(Component component) {
        Path log = layout.log(component.name());
        ProcessBuilder builder = new ProcessBuilder(component.command())
                .directory(layout.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        // a component sees the credentials it is given and none that the user's shell happens to hold
        builder.environment().keySet().removeAll(ServiceProcess.CREDENTIALS);
        builder.environment().keySet().removeIf(ServiceProcess::isImageUpdaterCredential);
        builder.environment().putAll(component.environment());
        try {
            return new RunningComponent(component, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + component.name() + ": " + e.getMessage(), e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
