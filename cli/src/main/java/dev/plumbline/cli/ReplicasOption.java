package dev.plumbline.cli;

import dev.plumbline.cli.run.Replicas;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --replicas renderer=2,reconciler=2}: read for {@code up}, {@code demo} and {@code bench}, refused clearly. */
final class ReplicasOption implements ITypeConverter<ReplicasOption.Counts> {

    /** Instances by service (module name); one value, so picocli does not read it as a map of its own. */
    record Counts(Map<String, Integer> byService) {

        static final Counts ONE_OF_EACH = new Counts(Map.of());
    }

    static final String DESCRIPTION = "Instances of a service to run, as service=count pairs, e.g. "
            + "renderer=2,reconciler=2,drift-auditor=2,notifier=2 (default: one of each). The renderer, reconciler, "
            + "drift-auditor and notifier divide their work by app; git-watcher and the image-updater run as one "
            + "instance. With several, they are named <service>-1 … <service>-N (each its own log and folder), the "
            + "first takes the service's port and the others any free one, and the env file lists them all as "
            + "<SERVICE>_INSTANCES.";

    @Override
    public Counts convert(String value) {
        try {
            return new Counts(Replicas.parse(value));
        } catch (IllegalArgumentException refused) {
            throw new TypeConversionException(refused.getMessage());
        }
    }
}
