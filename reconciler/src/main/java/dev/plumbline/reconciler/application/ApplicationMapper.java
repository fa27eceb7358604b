package dev.plumbline.reconciler.application;

import dev.plumbline.engine.application.RepoUrlScheme;
import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.application.Destination;
import dev.plumbline.events.application.DirectoryOptions;
import dev.plumbline.events.application.HelmOptions;
import dev.plumbline.events.application.HelmParameter;
import dev.plumbline.events.application.IgnoreDifference;
import dev.plumbline.events.application.ImagePolicy;
import dev.plumbline.events.application.KustomizeOptions;
import dev.plumbline.events.application.NotificationSubscription;
import dev.plumbline.events.application.Retry;
import dev.plumbline.events.application.SourceSpec;
import dev.plumbline.events.application.SyncOptions;
import dev.plumbline.events.application.SyncPolicy;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.vocabulary.DriftMode;
import dev.plumbline.events.vocabulary.NotificationChannel;
import dev.plumbline.events.vocabulary.NotificationOccasion;
import dev.plumbline.events.vocabulary.PromotionMode;
import dev.plumbline.events.vocabulary.RendererKind;
import dev.plumbline.events.vocabulary.TagOrder;
import dev.plumbline.events.vocabulary.Term;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads an Application resource into the {@link ApplicationSpec} the other services receive. The API server does not
 * enforce the CRD schema everywhere (older clusters, the sandbox), so every value is checked here and a bad one is
 * refused with a message naming the field.
 */
public final class ApplicationMapper {

    /** As Helm reads {@code --kube-version}: a semantic version, {@code v} and patch optional, e.g. v1.29.3-eks-1. */
    private static final Pattern KUBE_VERSION =
            Pattern.compile("v?\\d+\\.\\d+(\\.\\d+)?(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    /** {@code version}, {@code group/version} or either followed by {@code /Kind}, as Helm lists API versions. */
    private static final Pattern API_VERSION = Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?"
            + "(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?v[0-9]+[a-z0-9]*(/[A-Za-z][A-Za-z0-9]*)?");

    /** A Project's name, as Kubernetes names objects: a DNS subdomain. */
    private static final Pattern PROJECT_NAME =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private ApplicationMapper() {}

    /**
     * The spec, under a project that allows nothing: the project's name is all the Application says of it, and
     * {@link ApplicationWatcher#specOf} puts the Project as read in its place.
     *
     * @throws InvalidApplicationException naming the field at fault
     */
    public static ApplicationSpec toSpec(Application resource) {
        ApplicationSpecModel spec = resource.getSpec();
        if (spec == null) {
            throw new InvalidApplicationException("spec is missing");
        }
        Map<String, String> annotations = resource.getMetadata().getAnnotations() == null
                ? Map.of()
                : resource.getMetadata().getAnnotations();
        try {
            Long generation = resource.getMetadata().getGeneration();
            return ApplicationSpec.of(
                            resource.getMetadata().getName(),
                            resource.getMetadata().getNamespace(),
                            generation == null ? 0 : generation,
                            source(spec.source),
                            destination(spec.destination),
                            syncPolicy(spec.syncPolicy),
                            spec.driftMode == null ? null : term("spec.driftMode", DriftMode.values(), spec.driftMode),
                            list(spec.ignoreDifferences, ApplicationMapper::ignore),
                            list(spec.notifications, ApplicationMapper::notification),
                            OperationalAnnotations.pause(annotations).orElse(null),
                            OperationalAnnotations.requestedSync(annotations).orElse(null))
                    .withProject(ProjectPolicy.missing(project(spec.project)))
                    .withImages(images(spec.images));
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new InvalidApplicationException(e.getMessage());
        }
    }

    private static String project(String name) {
        if (name == null || name.isBlank()) {
            return ProjectPolicy.DEFAULT;
        }
        if (!PROJECT_NAME.matcher(name).matches()) {
            throw new InvalidApplicationException("spec.project must be the name of a Project (lowercase letters,"
                    + " digits, '-' and '.'), got \"" + name + "\"");
        }
        return name;
    }

    private static SourceSpec source(ApplicationSpecModel.Source source) {
        if (source == null || source.repoURL == null || source.repoURL.isBlank()) {
            throw new InvalidApplicationException("spec.source.repoURL is required");
        }
        RepoUrlScheme.refusal(source.repoURL).ifPresent(refusal -> {
            throw new InvalidApplicationException("spec.source." + refusal);
        });
        return new SourceSpec(
                source.repoURL,
                source.targetRevision,
                source.path,
                source.renderer == null ? null : term("spec.source.renderer", RendererKind.values(), source.renderer),
                source.helm == null ? null : helm(source.helm),
                source.kustomize == null
                        ? null
                        : new KustomizeOptions(
                                source.kustomize.namePrefix,
                                source.kustomize.nameSuffix,
                                source.kustomize.images,
                                source.kustomize.commonLabels,
                                source.kustomize.commonAnnotations),
                source.directory == null
                        ? null
                        : new DirectoryOptions(
                                source.directory.recurse, source.directory.include, source.directory.exclude));
    }

    private static HelmOptions helm(ApplicationSpecModel.Helm helm) {
        if (helm.kubeVersion != null && !KUBE_VERSION.matcher(helm.kubeVersion).matches()) {
            throw new InvalidApplicationException("spec.source.helm.kubeVersion must be a Kubernetes version such as "
                    + "v1.29.0, got \"" + helm.kubeVersion + "\"");
        }
        List<String> apiVersions = helm.apiVersions == null ? List.of() : helm.apiVersions;
        for (int i = 0; i < apiVersions.size(); i++) {
            if (apiVersions.get(i) == null
                    || !API_VERSION.matcher(apiVersions.get(i)).matches()) {
                throw new InvalidApplicationException("spec.source.helm.apiVersions[" + i + "] must be an API version "
                        + "such as apps/v1 or apps/v1/Deployment, got \"" + apiVersions.get(i) + "\"");
            }
        }
        return new HelmOptions(
                helm.releaseName,
                helm.valueFiles,
                helm.values,
                list(helm.parameters, p -> new HelmParameter(p.name, p.value)),
                helm.kubeVersion,
                apiVersions);
    }

    private static Destination destination(ApplicationSpecModel.Destination destination) {
        if (destination == null || destination.namespace == null || destination.namespace.isBlank()) {
            throw new InvalidApplicationException("spec.destination.namespace is required");
        }
        return Destination.of(destination.namespace);
    }

    private static SyncPolicy syncPolicy(ApplicationSpecModel.SyncPolicy policy) {
        if (policy == null) {
            return SyncPolicy.manual();
        }
        SyncPolicy.Automated automated = policy.automated == null
                ? null
                : new SyncPolicy.Automated(
                        Boolean.TRUE.equals(policy.automated.prune), Boolean.TRUE.equals(policy.automated.selfHeal));
        Retry retry = null;
        if (policy.retry != null) {
            ApplicationSpecModel.Backoff backoff = policy.retry.backoff;
            retry = new Retry(
                    policy.retry.limit == null ? 5 : policy.retry.limit,
                    duration("spec.syncPolicy.retry.backoff.duration", backoff == null ? null : backoff.duration, "5s"),
                    backoff == null || backoff.factor == null ? 2 : backoff.factor,
                    duration(
                            "spec.syncPolicy.retry.backoff.maxDuration",
                            backoff == null ? null : backoff.maxDuration,
                            "3m"));
        }
        return new SyncPolicy(
                automated,
                Boolean.TRUE.equals(policy.allowEmpty),
                retry,
                SyncOptions.parse(policy.syncOptions),
                Boolean.TRUE.equals(policy.adoptExisting));
    }

    private static IgnoreDifference ignore(ApplicationSpecModel.IgnoreDifference rule) {
        if (rule.kind == null) {
            throw new InvalidApplicationException("spec.ignoreDifferences[].kind is required");
        }
        return new IgnoreDifference(
                rule.group, rule.kind, rule.name, rule.namespace, rule.jsonPointers, rule.managedFieldsManagers);
    }

    private static NotificationSubscription notification(ApplicationSpecModel.Notification line) {
        if (line.trigger == null || line.channel == null || line.recipient == null) {
            throw new InvalidApplicationException("spec.notifications[] needs trigger, channel and recipient");
        }
        return new NotificationSubscription(
                term("spec.notifications[].trigger", NotificationOccasion.values(), line.trigger),
                term("spec.notifications[].channel", NotificationChannel.values(), line.channel),
                line.recipient);
    }

    /** The image policies, refused with every problem of the first bad one, named by its place in the list. */
    private static List<ImagePolicy> images(List<ApplicationSpecModel.Image> images) {
        List<ImagePolicy> policies = new ArrayList<>();
        for (int i = 0; i < (images == null ? 0 : images.size()); i++) {
            String field = "spec.images[" + i + "]";
            ApplicationSpecModel.Image image = images.get(i);
            if (image == null) {
                throw new InvalidApplicationException(field + " is empty: give at least its repository");
            }
            ImagePolicy policy = new ImagePolicy(
                    image.repository,
                    image.semver,
                    image.pattern,
                    image.extract,
                    image.order == null ? null : term(field + ".order", TagOrder.values(), image.order),
                    Boolean.TRUE.equals(image.latestPushed),
                    image.promotion == null
                            ? null
                            : term(field + ".promotion", PromotionMode.values(), image.promotion));
            List<String> problems = policy.problems();
            if (!problems.isEmpty()) {
                throw new InvalidApplicationException(field + ": " + String.join("; ", problems));
            }
            policies.add(policy);
        }
        return policies;
    }

    /** A duration written as Argo CD writes it: {@code 500ms}, {@code 5s}, {@code 3m}, {@code 1h}. */
    static Duration duration(String field, String text, String fallback) {
        String value = text == null || text.isBlank() ? fallback : text.strip();
        java.util.regex.Matcher parts =
                java.util.regex.Pattern.compile("([0-9]+)(ms|s|m|h)").matcher(value);
        if (!parts.matches()) {
            throw new InvalidApplicationException(
                    field + " must be a duration such as 5s or 3m, got \"" + value + "\"");
        }
        long amount = Long.parseLong(parts.group(1));
        return switch (parts.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static <T extends Term> T term(String field, T[] values, String text) {
        return Arrays.stream(values)
                .filter(value -> value.label().equals(text))
                .findFirst()
                .orElseThrow(() -> new InvalidApplicationException(field + " must be one of "
                        + Arrays.stream(values).map(Term::label).toList() + ", got \"" + text + "\""));
    }

    private static <A, B> List<B> list(List<A> items, Function<A, B> map) {
        return items == null ? List.of() : items.stream().map(map).toList();
    }
}
