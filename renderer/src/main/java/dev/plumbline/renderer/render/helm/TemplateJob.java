package dev.plumbline.renderer.render.helm;

import java.util.List;

/**
 * One {@code helm template} call, as sent to a Helm worker: every path absolute, on the renderer's own disk.
 *
 * @param chart       the chart folder
 * @param release     the release name
 * @param namespace   the release namespace
 * @param kubeVersion {@code --kube-version}; null for Helm's default
 * @param valuesFiles {@code --values}, in order
 * @param settings    {@code --set}, in order
 */
public record TemplateJob(
        String chart,
        String release,
        String namespace,
        String kubeVersion,
        List<String> valuesFiles,
        List<Setting> settings) {

    /** One {@code --set name=value}. */
    public record Setting(String name, String value) {}
}
