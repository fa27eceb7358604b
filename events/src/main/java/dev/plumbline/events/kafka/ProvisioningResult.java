package dev.plumbline.events.kafka;

import java.util.List;

/**
 * What {@link TopicProvisioner#ensure} did.
 *
 * @param created   topics it created
 * @param corrected topics whose configs it set to the spec
 * @param unchanged topics that already matched (or differ only in partitions, see warnings)
 * @param warnings  differences it left for a person: partition and replica counts it will not change on its own
 */
public record ProvisioningResult(
        List<String> created, List<String> corrected, List<String> unchanged, List<String> warnings) {

    public ProvisioningResult {
        created = List.copyOf(created);
        corrected = List.copyOf(corrected);
        unchanged = List.copyOf(unchanged);
        warnings = List.copyOf(warnings);
    }
}
