package dev.plumbline.reconciler.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.plumbline.events.project.ProjectPolicy;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

/**
 * {@code spec} of an Application, as people write it. Field names follow Argo CD's Application where the meaning is
 * the same ({@code repoURL}, {@code targetRevision}, {@code syncPolicy.automated.prune}), so its users feel at home.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApplicationSpecModel {

    @Default(ProjectPolicy.DEFAULT)
    @JsonPropertyDescription("The Project that says what this Application may fetch, touch and deploy, and as "
            + "whom; default: default.")
    public String project;

    @Required
    @JsonPropertyDescription("Where the desired state lives in Git.")
    public Source source;

    @Required
    @JsonPropertyDescription("Where the objects go.")
    public Destination destination;

    @JsonPropertyDescription(
            "Automated or manual (absent: manual, report only), prune, self-heal, allowEmpty, adoptExisting, retry,"
                    + " syncOptions.")
    public SyncPolicy syncPolicy;

    @Pattern("^(off|warn|heal)$")
    @JsonPropertyDescription("What to do about drift: off, warn or heal. Default: heal when selfHeal, else warn.")
    public String driftMode;

    @JsonPropertyDescription("Differences left out of diffs and drift.")
    public List<IgnoreDifference> ignoreDifferences;

    @JsonPropertyDescription("Who is told what: one line per notification occasion and destination.")
    public List<Notification> notifications;

    @JsonPropertyDescription("Images the image-updater follows: when a newer tag the policy chooses is pushed, it"
            + " proposes it to the config repository (a pull request, or a direct commit), pinning the digest.")
    public List<Image> images;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Source {
        @Required
        @JsonPropertyDescription("The Git repository URL.")
        public String repoURL;

        @JsonPropertyDescription("A branch, tag or commit SHA; default HEAD.")
        public String targetRevision;

        @JsonPropertyDescription("The folder inside the repository; default the root.")
        public String path;

        @Pattern("^(plain|kustomize|helm)$")
        @JsonPropertyDescription("Forces a renderer: plain, kustomize or helm; default chosen from the folder.")
        public String renderer;

        public Helm helm;
        public Kustomize kustomize;
        public Directory directory;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Helm {
        public String releaseName;
        public List<String> valueFiles;

        @JsonPropertyDescription("Inline values, as a YAML document.")
        public String values;

        public List<HelmParameter> parameters;

        @JsonPropertyDescription("The Kubernetes version the chart sees in .Capabilities.KubeVersion and checks its "
                + "kubeVersion against, such as v1.29.0; by default the destination cluster's.")
        public String kubeVersion;

        @JsonPropertyDescription("The API versions the chart sees in .Capabilities.APIVersions, such as "
                + "monitoring.coreos.com/v1, instead of those the destination cluster serves.")
        public List<String> apiVersions;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class HelmParameter {
        @Required
        public String name;

        public String value;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Kustomize {
        public String namePrefix;
        public String nameSuffix;
        public List<String> images;
        public Map<String, String> commonLabels;
        public Map<String, String> commonAnnotations;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Directory {
        public Boolean recurse;
        public String include;
        public String exclude;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Destination {
        @Required
        @JsonPropertyDescription("The namespace objects that name none go to. Which namespaces and kinds the "
                + "Application may touch is its project's to say.")
        public String namespace;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class SyncPolicy {
        @JsonPropertyDescription(
                "Present: apply every new render. Absent: manual, the diff is reported and nothing applied.")
        public Automated automated;

        @JsonPropertyDescription("Whether an empty render may prune everything the app owns; default false.")
        public Boolean allowEmpty;

        @JsonPropertyDescription("Whether a sync may take over an object of the render that already exists without"
                + " Plumbline's tracking marks (created by hand or by another tool); each adoption is recorded. Default"
                + " false: such an object is not applied and the AdoptionRefused condition names it.")
        public Boolean adoptExisting;

        public RetryPolicy retry;

        @JsonPropertyDescription("Argo CD style Key=value options; CreateNamespace=true creates the destination "
                + "namespace before a sync when it is missing.")
        public List<String> syncOptions;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Automated {
        @JsonPropertyDescription("Delete what the app owned and Git no longer has; default false.")
        public Boolean prune;

        @JsonPropertyDescription("Heal drift; default false.")
        public Boolean selfHeal;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class RetryPolicy {
        @JsonPropertyDescription("How many times a failed sync is retried; default 5.")
        public Integer limit;

        public Backoff backoff;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Backoff {
        @Pattern("^[0-9]+(ms|s|m|h)$")
        @JsonPropertyDescription("The first wait, such as 5s; default 5s.")
        public String duration;

        @JsonPropertyDescription("The factor each wait grows by; default 2.")
        public Integer factor;

        @Pattern("^[0-9]+(ms|s|m|h)$")
        @JsonPropertyDescription("The longest wait, such as 3m; default 3m.")
        public String maxDuration;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class IgnoreDifference {
        public String group;

        @Required
        public String kind;

        public String name;
        public String namespace;

        @JsonPropertyDescription("RFC 6901 pointers, such as /spec/replicas.")
        public List<String> jsonPointers;

        @JsonPropertyDescription("Field managers whose fields are ignored, such as kube-controller-manager.")
        public List<String> managedFieldsManagers;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Image {
        @Required
        @JsonPropertyDescription("The image repository as the config files write it: registry host[:port]/path,"
                + " such as registry.example.com/shop/web.")
        public String repository;

        @JsonPropertyDescription("An npm-style semver range, such as ~1.2 (>=1.2.0 <1.3.0); prereleases only when"
                + " the range names one. One of semver, pattern or latestPushed.")
        public String semver;

        @JsonPropertyDescription("A Java regular expression the whole tag must match; with latestPushed, a filter.")
        public String pattern;

        @JsonPropertyDescription("What of a matching tag is ordered, with the pattern's named groups, such as"
                + " ${build}; default the whole tag.")
        public String extract;

        @Pattern("^(numerical|alphabetical)$")
        @JsonPropertyDescription(
                "How pattern matches are ordered, the highest winning: numerical or alphabetical" + " (default).")
        public String order;

        @JsonPropertyDescription("The image created last wins.")
        public Boolean latestPushed;

        @Pattern("^(pull-request|direct)$")
        @JsonPropertyDescription("pull-request (default): a branch and a pull request to review; direct: a commit"
                + " on the target branch.")
        public String promotion;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Notification {
        @Required
        @JsonPropertyDescription("The notification occasion, such as sync-failed or drift-detected.")
        public String trigger;

        @Required
        @Pattern("^(slack|email|webhook)$")
        public String channel;

        @Required
        @JsonPropertyDescription("A Slack destination or webhook name configured in the notifier, or an email address.")
        public String recipient;
    }
}
