package dev.plumbline.events.application;

/**
 * When and how an Application is synced.
 *
 * @param automated  null for a manual app: its diff is reported, never applied without a sync request
 * @param allowEmpty whether an empty render may prune everything the app owns (off by default: an empty render is
 *                   far more often a mistake than an intent)
 * @param retry      how a failed sync is retried; null for the reconciler's defaults
 * @param options    the sync options ({@code syncOptions}); never null, {@link SyncOptions#NONE} when none are set
 * @param adoptExisting whether a sync may take over a desired object that already exists live without Plumbline's
 *                   marks (created by hand or by another tool); off by default: such an object is refused and
 *                   reported, and when on its adoption is reported as its own apply action
 */
public record SyncPolicy(
        Automated automated, boolean allowEmpty, Retry retry, SyncOptions options, boolean adoptExisting) {

    public SyncPolicy {
        options = options == null ? SyncOptions.NONE : options;
    }

    public SyncPolicy(Automated automated, boolean allowEmpty, Retry retry, SyncOptions options) {
        this(automated, allowEmpty, retry, options, false);
    }

    public SyncPolicy(Automated automated, boolean allowEmpty, Retry retry) {
        this(automated, allowEmpty, retry, SyncOptions.NONE, false);
    }

    public static SyncPolicy manual() {
        return new SyncPolicy(null, false, null);
    }

    public static SyncPolicy automated(boolean prune, boolean selfHeal) {
        return new SyncPolicy(new Automated(prune, selfHeal), false, null);
    }

    /**
     * Automatic sync settings.
     *
     * @param prune    delete what the app owned and Git no longer has
     * @param selfHeal heal drift; it makes {@code heal} the default drift mode
     */
    public record Automated(boolean prune, boolean selfHeal) {}
}
