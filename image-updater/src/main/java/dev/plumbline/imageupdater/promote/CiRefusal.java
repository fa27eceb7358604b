package dev.plumbline.imageupdater.promote;

import java.util.List;

/**
 * A CI promotion its app's image policies do not allow: the app has no policy for the repository, or CI asks for a
 * direct commit where the policy asks for a pull request. Nothing is read or written before it is thrown.
 */
public final class CiRefusal extends RuntimeException {

    /** Why the promotion is refused. */
    public enum Kind {
        /** The app has no image policy for the repository. */
        NO_POLICY,
        /** A direct commit was asked for; the policy says pull-request. */
        NOT_DIRECT
    }

    private final Kind kind;

    private CiRefusal(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The policy of {@code key}'s app for its repository, if it allows the promotion asked for.
     *
     * @param policies the app's valid image policies
     * @throws CiRefusal when there is none for the repository, or it does not allow a direct commit asked for
     */
    public static ImageWatch policyFor(List<ImageWatch> policies, ImageKey key, boolean direct) {
        ImageWatch policy = policies.stream()
                .filter(watch -> watch.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new CiRefusal(Kind.NO_POLICY, noPolicy(policies, key)));
        if (direct && !policy.direct()) {
            throw new CiRefusal(
                    Kind.NOT_DIRECT,
                    "app " + key.app() + " may not have " + key.repository() + " committed directly: its image"
                            + " policy says promotion: pull-request; ask for a pull request, or set promotion: direct"
                            + " in the Application");
        }
        return policy;
    }

    private static String noPolicy(List<ImageWatch> policies, ImageKey key) {
        String start = "app " + key.app() + " has no image policy for " + key.repository() + "; ";
        if (policies.isEmpty()) {
            return start + key.app() + " has no image policy at all: add one under spec.images of the Application";
        }
        return start + key.app() + "'s image policies cover "
                + String.join(
                        ", ",
                        policies.stream().map(watch -> watch.key().repository()).toList())
                + "; name one of them as the config files write it, or add a policy for " + key.repository()
                + " under spec.images of the Application";
    }
}
