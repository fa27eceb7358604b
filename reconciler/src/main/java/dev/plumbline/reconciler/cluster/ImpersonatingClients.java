package dev.plumbline.reconciler.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clients a sync writes with: one per ServiceAccount the reconciler impersonates ({@code Impersonate-User:
 * system:serviceaccount:NAMESPACE:NAME}), each derived from the service's own client, so that all share its HTTP
 * connections, its request counter and its credentials. No {@code Impersonate-Group} is sent: the API server gives an
 * impersonated ServiceAccount its groups ({@code system:serviceaccounts}, {@code system:serviceaccounts:NAMESPACE},
 * {@code system:authenticated}) itself, and sending them would need {@code impersonate} on groups as well.
 *
 * <p>A derived client holds nothing of its own: closing it would close the shared HTTP client under everyone. So a
 * client no longer used is only forgotten, the least recently used first once more than {@code capacity}
 * ServiceAccounts are in use; the service's own client is closed with the service.
 */
@ApplicationScoped
public class ImpersonatingClients {

    private static final int CAPACITY = 256;

    private final KubernetesClient own;
    private final Map<String, KubernetesClient> byUser;

    @Inject
    public ImpersonatingClients(KubernetesClient own) {
        this(own, CAPACITY);
    }

    ImpersonatingClients(KubernetesClient own, int capacity) {
        this.own = own;
        this.byUser = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, KubernetesClient> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * @param user the user to impersonate; null: the service's own identity
     * @return the client whose requests are made as {@code user}
     */
    public synchronized KubernetesClient as(String user) {
        if (user == null) {
            return own;
        }
        return byUser.computeIfAbsent(user, this::impersonating);
    }

    private KubernetesClient impersonating(String user) {
        RequestConfig requests = new RequestConfigBuilder(own.getConfiguration().getRequestConfig()).build();
        requests.setImpersonateUsername(user);
        requests.setImpersonateGroups();
        requests.setImpersonateExtras(Map.of());
        return own.newClient(requests).adapt(KubernetesClient.class);
    }
}
