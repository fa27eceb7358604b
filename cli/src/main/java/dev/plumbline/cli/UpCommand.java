package dev.plumbline.cli;

import dev.plumbline.cli.run.RunLayout;
import dev.plumbline.cli.run.RunningStack;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Runs Plumbline on this machine.",
            "",
            "Starts the embedded Kafka broker (unless KAFKA_BOOTSTRAP_SERVERS is set), the embedded Kubernetes API "
                    + "(unless --kubeconfig or KUBECONFIG names a real cluster), the sandbox Git server, the sandbox "
                    + "registry (when docker-registry is installed: apt-get install docker-registry) and the six "
                    + "services, each as its own process logging to .plumbline/run/logs/. Writes .plumbline/run/env "
                    + "(source it to reach the run) and stays in the foreground until Ctrl-C.",
            "",
            "--replicas renderer=2,reconciler=2,drift-auditor=2,notifier=2 runs several instances of the services "
                    + "that divide their work by app (named reconciler-1, reconciler-2 …; each logs to its own file, "
                    + "and the env file lists them as RECONCILER_INSTANCES and so on). 'plumb down' stops them all.",
            "",
            "The image-updater (port 8087) is the only service that writes to Git: it may push to the sandbox's "
                    + "demo repository and open pull requests there, it hears of every push to the sandbox registry "
                    + "(REGISTRY_URL), and it accepts the promote token written to the env file as "
                    + "PLUMBLINE_PROMOTE_TOKEN (for plumb image promote and plumb drift export --pr).",
            "",
            "The embedded broker is secured (SASL/SCRAM-SHA-512 over TLS, ACLs for each principal's row of the "
                    + "topic table); each principal's Kafka client settings are written to "
                    + ".plumbline/run/kafka/<principal>.properties, and each service gets only its own. With "
                    + "KAFKA_BOOTSTRAP_SERVERS naming a broker of yours, PLUMBLINE_KAFKA_CLIENTS_DIR names a folder "
                    + "with git-watcher.properties, renderer.properties, reconciler.properties, "
                    + "drift-auditor.properties, notifier.properties, image-updater.properties and plumb.properties (standard Kafka client "
                    + "properties: security.protocol, sasl.mechanism, sasl.jaas.config, ssl.truststore.*); without "
                    + "it the services use KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG, "
                    + "KAFKA_SSL_TRUSTSTORE_LOCATION and KAFKA_SSL_TRUSTSTORE_TYPE from the environment."
        })
final class UpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--detach", description = "Return once everything is ready; stop it later with 'plumb down'.")
    boolean detach;

    @Mixin
    StackOptions stackOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunLayout layout = RunLayout.under(HomeDirectory.resolve());
        Optional<RunningStack> started =
                Foreground.start(out, spec.commandLine().getErr(), layout, stackOptions.settings(), "up");
        if (started.isEmpty()) {
            return 1;
        }
        Foreground.printSummary(out, layout, started.get());
        if (detach) {
            out.println("Running detached; stop it with: ./plumb down");
            return 0;
        }
        return Foreground.waitForInterrupt(out, started.get());
    }
}
