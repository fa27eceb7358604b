package dev.plumbline.imageupdater.promote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Fakes of the promotion core's ports, recording what was asked of them. */
final class Fakes {

    private Fakes() {}

    /** Tags {@code prefix.N} without a prerelease; the highest N wins. */
    static final class PrefixChooser implements TagChooser {

        private final String prefix;

        PrefixChooser(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Choice choose(List<Candidate> candidates) {
            Map<String, String> passedOver = new LinkedHashMap<>();
            List<String> fitting = new ArrayList<>();
            for (Candidate candidate : candidates) {
                if (candidate.tag().startsWith(prefix + ".") && !candidate.tag().contains("-")) {
                    fitting.add(candidate.tag());
                } else {
                    passedOver.put(candidate.tag(), candidate.tag() + " is outside ~" + prefix);
                }
            }
            Optional<String> chosen = fitting.stream().max(Comparator.comparingInt(Fakes::patch));
            fitting.stream()
                    .filter(tag -> !chosen.get().equals(tag))
                    .forEach(tag -> passedOver.put(tag, tag + " is older than " + chosen.get()));
            return new Choice(
                    chosen,
                    chosen.map(tag -> tag + " is the highest in ~" + prefix).orElse("none fits"),
                    passedOver);
        }

        @Override
        public boolean newer(String candidate, String current) {
            return patch(candidate) > patch(current);
        }

        @Override
        public boolean needsCreated() {
            return false;
        }

        @Override
        public String describe() {
            return "semver ~" + prefix;
        }
    }

    private static int patch(String tag) {
        return Integer.parseInt(tag.substring(tag.lastIndexOf('.') + 1));
    }

    static final class Registry implements ImageRegistry {

        final Map<String, String> digests = new LinkedHashMap<>();
        RegistryFailure down;
        /** A tag the registry lists but cannot describe yet, as right after its push. */
        String notYetReadable;

        int reads;

        void push(String tag) {
            digests.put(tag, "sha256:" + Integer.toHexString(tag.hashCode()) + "0".repeat(56));
        }

        String digest(String tag) {
            return digests.get(tag);
        }

        @Override
        public List<String> tags(String repository) {
            reads++;
            if (down != null) {
                throw down;
            }
            return List.copyOf(digests.keySet());
        }

        @Override
        public ImageFacts describe(String repository, String tagOrDigest) {
            if (down != null) {
                throw down;
            }
            if (tagOrDigest.equals(notYetReadable)) {
                throw new RegistryFailure("manifest " + tagOrDigest + " unknown", false);
            }
            for (Map.Entry<String, String> entry : digests.entrySet()) {
                if (entry.getKey().equals(tagOrDigest) || entry.getValue().equals(tagOrDigest)) {
                    return new ImageFacts(
                            entry.getKey(), entry.getValue(), Instant.EPOCH, "abc123", "https://git.example/web");
                }
            }
            throw new RegistryFailure(repository + " has no " + tagOrDigest, false);
        }
    }

    /** A config repository whose one file pins one reference; pushes are recorded. */
    static final class Config implements ConfigRepository {

        String pinned;
        final List<String> branches = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        PromotionFailure refusal;

        Config(String pinned) {
            this.pinned = pinned;
        }

        @Override
        public List<Pinned> pinned(AppSource source, String repository) {
            return pinned == null
                    ? List.of()
                    : List.of(new Pinned(
                            "apps/web/kustomization.yaml", pinned, pinned.replaceAll("^.*:([^:@]+)(@.*)?$", "$1")));
        }

        @Override
        public Pushed pushImage(AppSource source, String repository, ImageFacts image, String branch, String message) {
            if (refusal != null) {
                throw refusal;
            }
            branches.add(branch);
            messages.add(message);
            String commit = "c" + branches.size();
            if (branch == null) {
                pinned = image.reference(repository);
            }
            return new Pushed(commit, List.of("apps/web/kustomization.yaml"), pinned);
        }

        @Override
        public AppSource onBranch(AppSource source) {
            String revision = source.targetRevision();
            return revision.equals("HEAD")
                    ? new AppSource(source.app(), source.repoUrl(), "main", source.path())
                    : source;
        }

        @Override
        public Pushed pushPatch(AppSource source, String patch, String branch, String message) {
            branches.add(branch);
            return new Pushed("p" + branches.size(), List.of(), null);
        }
    }

    static final class Host implements PullRequests, PullRequests.Hosts {

        final Map<Integer, Draft> open = new LinkedHashMap<>();
        final List<String> approvers = new ArrayList<>();
        int opened;
        int updated;

        @Override
        public PullRequests of(AppSource source) {
            return this;
        }

        @Override
        public Optional<Request> findOpen(String branch) {
            return open.entrySet().stream()
                    .filter(entry -> entry.getValue().branch().equals(branch))
                    .map(entry -> new Request(entry.getKey(), url(entry.getKey())))
                    .findFirst();
        }

        @Override
        public Request open(Draft draft) {
            opened++;
            int number = open.size() + 1;
            open.put(number, draft);
            return new Request(number, url(number));
        }

        @Override
        public Request update(int number, Draft draft) {
            updated++;
            open.put(number, draft);
            return new Request(number, url(number));
        }

        @Override
        public List<String> approvers(int number) {
            return approvers;
        }

        private static String url(int number) {
            return "http://git.example/shop/deploy/pulls/" + number;
        }
    }

    static final class Told implements ImageNews.Sink {

        final List<ImageNews> news = new ArrayList<>();
        int failuresToCome;

        @Override
        public void tell(ImageNews item) {
            if (failuresToCome > 0) {
                failuresToCome--;
                throw new IllegalStateException("plumbline.image-events did not take the record in time");
            }
            news.add(item);
        }

        <T extends ImageNews> List<T> of(Class<T> type) {
            return news.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
