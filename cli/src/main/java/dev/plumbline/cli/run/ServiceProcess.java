package dev.plumbline.cli.run;

import java.util.function.ToIntFunction;

/** The five services a one-machine run starts, with the module they are built in and their port setting. */
enum ServiceProcess {
    GIT_WATCHER("git-watcher", "GIT_WATCHER_URL", StackSettings.ServicePorts::gitWatcher),
    RENDERER("renderer", "RENDERER_URL", StackSettings.ServicePorts::renderer),
    RECONCILER("reconciler", "RECONCILER_URL", StackSettings.ServicePorts::reconciler),
    DRIFT_AUDITOR("drift-auditor", "DRIFT_AUDITOR_URL", StackSettings.ServicePorts::driftAuditor),
    NOTIFIER("notifier", "NOTIFIER_URL", StackSettings.ServicePorts::notifier);

    final String module;
    final String urlVariable;
    final ToIntFunction<StackSettings.ServicePorts> port;

    ServiceProcess(String module, String urlVariable, ToIntFunction<StackSettings.ServicePorts> port) {
        this.module = module;
        this.urlVariable = urlVariable;
        this.port = port;
    }
}
