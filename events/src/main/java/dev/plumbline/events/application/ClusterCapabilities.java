package dev.plumbline.events.application;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What the destination cluster is, as a Helm chart asks through {@code .Capabilities}: read by the reconciler (the
 * service with cluster access) and published with each Application spec, so the renderer can template as
 * {@code helm template --kube-version --api-versions} would against that cluster without reaching it.
 *
 * @param kubeVersion the API server's {@code gitVersion} from {@code /version}, e.g. {@code v1.32.0} or
 *                    {@code v1.29.3-eks-adc7111}
 * @param apiVersions every served group/version ({@code v1}, {@code apps/v1}) and group/version/Kind
 *                    ({@code apps/v1/Deployment}), as Helm lists them; sorted, without repeats
 */
public record ClusterCapabilities(String kubeVersion, List<String> apiVersions) {

    public ClusterCapabilities {
        Objects.requireNonNull(kubeVersion, "kubeVersion");
        apiVersions = apiVersions == null ? List.of() : List.copyOf(new TreeSet<>(apiVersions));
    }
}
