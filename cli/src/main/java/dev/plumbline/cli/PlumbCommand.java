package dev.plumbline.cli;

import dev.plumbline.cli.app.AppCommand;
import dev.plumbline.cli.audit.AuditCommand;
import dev.plumbline.cli.connect.CommandFailedException;
import dev.plumbline.cli.connect.RunEnvironment;
import dev.plumbline.cli.drift.DriftCommand;
import dev.plumbline.cli.image.ImageCommand;
import dev.plumbline.cli.project.ProjectCommand;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code plumb} command: runs Plumbline on one machine, and inspects and steers its applications. */
@Command(
        name = "plumb",
        mixinStandardHelpOptions = true,
        versionProvider = PlumbVersion.class,
        description = "Plumbline, a GitOps agent for Kubernetes: Git is the desired state, the cluster follows.",
        subcommands = {
            UpCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            DownCommand.class,
            AppCommand.class,
            ProjectCommand.class,
            AuditCommand.class,
            DriftCommand.class,
            ImageCommand.class,
            CommandLine.HelpCommand.class
        })
public final class PlumbCommand implements RunEnvironment.Source {

    private final Supplier<RunEnvironment> environment;
    private RunEnvironment loaded;

    PlumbCommand(Supplier<RunEnvironment> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(() -> RunEnvironment.load(HomeDirectory.resolve(), System.getenv()))
                .execute(args));
    }

    /** The command line with its error handling: a failure the user can act on is one line, never a stack trace. */
    public static CommandLine commandLine(Supplier<RunEnvironment> environment) {
        CommandLine commandLine = new CommandLine(new PlumbCommand(environment));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((failure, command, parsed) -> {
            command.getErr().println(command.getCommandName() + ": " + describe(failure));
            command.getErr().flush();
            return failure instanceof CommandFailedException known ? known.exitCode() : CommandFailedException.ERROR;
        });
        return commandLine;
    }

    /** The settings of the run, read on first use so that {@code up} and {@code --help} need none. */
    @Override
    public synchronized RunEnvironment runEnvironment() {
        if (loaded == null) {
            loaded = environment.get();
        }
        return loaded;
    }

    private static String describe(Exception failure) {
        if (failure instanceof CommandFailedException) {
            return failure.getMessage();
        }
        if (failure instanceof KubernetesClientException kube && kube.getCode() <= 0) {
            // no HTTP answer at all: the cluster named by KUBECONFIG is not there (often a run that was stopped)
            return "cannot reach the Kubernetes API named by KUBECONFIG: " + rootMessage(kube)
                    + "; is Plumbline running (./plumb up), or does KUBECONFIG name the right cluster?";
        }
        if (failure instanceof KubernetesClientException kube) {
            String reason = kube.getStatus() != null && kube.getStatus().getMessage() != null
                    ? kube.getStatus().getMessage()
                    : rootMessage(kube);
            return "the Kubernetes API failed (" + kube.getCode() + "): " + reason;
        }
        return "unexpected failure: " + failure.getClass().getSimpleName() + ": " + rootMessage(failure);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
