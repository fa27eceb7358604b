package dev.plumbline.cli.connect;

/** The services, each reached at the URL its environment variable names. */
public enum PlumblineServiceUrl {
    GIT_WATCHER("git-watcher", "GIT_WATCHER_URL"),
    RENDERER("renderer", "RENDERER_URL"),
    RECONCILER("reconciler", "RECONCILER_URL"),
    DRIFT_AUDITOR("drift-auditor", "DRIFT_AUDITOR_URL"),
    NOTIFIER("notifier", "NOTIFIER_URL"),
    IMAGE_UPDATER("image-updater", "IMAGE_UPDATER_URL");

    private final String displayName;
    private final String variable;

    PlumblineServiceUrl(String displayName, String variable) {
        this.displayName = displayName;
        this.variable = variable;
    }

    public String displayName() {
        return displayName;
    }

    public String variable() {
        return variable;
    }

    /** The variable listing every instance as {@code name=url,name=url}, e.g. {@code RECONCILER_INSTANCES}. */
    public String instancesVariable() {
        return variable.replaceFirst("_URL$", "_INSTANCES");
    }
}
