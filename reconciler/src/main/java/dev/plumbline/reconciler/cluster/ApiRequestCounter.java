package dev.plumbline.reconciler.cluster;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Counts every request the client sends to the API server, by verb ({@code get}, {@code list}-style reads are GETs,
 * {@code watch}, {@code patch}, {@code delete}, ...): {@code plumbline_kube_api_requests_total}. Writes at steady
 * state should be zero; this metric is how one sees it.
 */
final class ApiRequestCounter implements Interceptor {

    private final MeterRegistry registry;

    ApiRequestCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        String query = request.uri().getRawQuery();
        String verb = query != null && query.contains("watch=true")
                ? "watch"
                : request.method().toLowerCase(Locale.ROOT);
        registry.counter("plumbline.kube.api.requests", "verb", verb).increment();
    }
}
