package dev.plumbline.imageupdater.wiring;

import dev.plumbline.imageupdater.config.ImageUpdaterConfig;
import dev.plumbline.imageupdater.config.PromoteTokens;
import dev.plumbline.imageupdater.config.SecretMask;
import dev.plumbline.imageupdater.config.WriteAccess;
import dev.plumbline.imageupdater.notify.RegistryNotifications;
import dev.plumbline.imageupdater.notify.RegistryProvider;
import dev.plumbline.imageupdater.promote.ConfigRepository;
import dev.plumbline.imageupdater.promote.DriftExport;
import dev.plumbline.imageupdater.promote.ImageLedger;
import dev.plumbline.imageupdater.promote.ImageNews;
import dev.plumbline.imageupdater.promote.MergeWatch;
import dev.plumbline.imageupdater.promote.Promoter;
import dev.plumbline.imageupdater.promote.PromotionText;
import dev.plumbline.imageupdater.promote.PullRequests;
import dev.plumbline.imageupdater.registry.RegistryClient;
import dev.plumbline.imageupdater.registry.RegistryCredentials;
import dev.plumbline.servicekit.retry.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The promotion core and its adapters, made once from the settings. */
@ApplicationScoped
public class ServiceBeans {

    @Produces
    @Singleton
    SecretMask secretMask(ImageUpdaterConfig config) {
        return new SecretMask(() -> secrets(config));
    }

    @Produces
    @Singleton
    ImageLedger ledger() {
        return new ImageLedger();
    }

    @Produces
    @Singleton
    PromoteTokens promoteTokens(ImageUpdaterConfig config) {
        return PromoteTokens.of(config.promoteTokens());
    }

    @Produces
    @Singleton
    RegistryNotifications registryNotifications(ImageUpdaterConfig config) {
        return new RegistryNotifications(provider -> secretOf(config, provider));
    }

    @Produces
    @Singleton
    PullRequests.Hosts hosts(ImageUpdaterConfig config, SecretMask mask) {
        return new HostAdapter(writeAccess(config), mask);
    }

    @Produces
    @Singleton
    ConfigRepository configRepository(ImageUpdaterConfig config, SecretMask mask) {
        return new GitConfigRepository(
                writeAccess(config),
                config.service().workDir(),
                config.service().authorName(),
                config.service().authorEmail(),
                mask);
    }

    @Produces
    @Singleton
    Promoter promoter(
            ImageUpdaterConfig config,
            SecretMask mask,
            PullRequests.Hosts hosts,
            ConfigRepository repository,
            ImageLedger ledger,
            ImageNews.Sink sink) {
        List<RegistryCredentials> logins = config.registries().values().stream()
                .map(login -> new RegistryCredentials(
                        login.registry(),
                        login.username().orElse(null),
                        login.password().orElse(null),
                        login.plainHttp()))
                .toList();
        return new Promoter(
                new RegistryAdapter(new RegistryClient(logins), mask),
                repository,
                hosts,
                ledger,
                sink,
                new PromotionText(config.service().appLink()),
                new ExponentialBackoff(
                        config.service().backoffInitial(), 2, config.service().backoffMax(), 0.1),
                Clock.systemUTC());
    }

    @Produces
    @Singleton
    DriftExport driftExport(ConfigRepository repository, PullRequests.Hosts hosts) {
        return new DriftExport(repository, hosts, Clock.systemUTC());
    }

    @Produces
    @Singleton
    MergeWatch mergeWatch(PullRequests.Hosts hosts, ImageLedger ledger, ImageNews.Sink sink) {
        return new MergeWatch(hosts, ledger, sink);
    }

    static List<WriteAccess> writeAccess(ImageUpdaterConfig config) {
        return config.writeCredentials().entrySet().stream()
                .map(entry -> {
                    ImageUpdaterConfig.WriteCredential c = entry.getValue();
                    return new WriteAccess(
                            entry.getKey(),
                            c.url(),
                            c.username().orElse(null),
                            c.password().orElse(null),
                            c.host().orElse(null),
                            c.apiUrl().orElse(null),
                            c.apiToken().orElse(null),
                            c.project().orElse(null));
                })
                .toList();
    }

    private static Optional<String> secretOf(ImageUpdaterConfig config, RegistryProvider provider) {
        return Optional.ofNullable(config.registryWebhook().get(provider.label()))
                .flatMap(ImageUpdaterConfig.WebhookSecret::secret)
                .filter(secret -> !secret.isBlank());
    }

    private static List<String> secrets(ImageUpdaterConfig config) {
        List<String> all = new ArrayList<>();
        config.writeCredentials().values().forEach(c -> {
            c.password().ifPresent(all::add);
            c.apiToken().ifPresent(all::add);
        });
        config.registries().values().forEach(r -> r.password().ifPresent(all::add));
        config.registryWebhook().values().forEach(w -> w.secret().ifPresent(all::add));
        config.promoteTokens().values().forEach(t -> all.add(t.token()));
        return all;
    }
}
