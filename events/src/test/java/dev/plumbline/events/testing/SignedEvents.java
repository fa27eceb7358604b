package dev.plumbline.events.testing;

import dev.plumbline.events.CommitDetected;
import dev.plumbline.events.CommitIgnored;
import dev.plumbline.events.ManifestsRendered;
import dev.plumbline.events.RenderFailed;

/**
 * Events as their signing services write them, signed with the test keys of {@link TestSigningKeys}: what a test
 * that plays the renderer or the git-watcher publishes, so that the service under test trusts it.
 */
public final class SignedEvents {

    private SignedEvents() {}

    public static ManifestsRendered byRenderer(ManifestsRendered render) {
        return render.signedWith(TestSigningKeys.signingKey("renderer"));
    }

    public static RenderFailed byRenderer(RenderFailed failure) {
        return failure.signedWith(TestSigningKeys.signingKey("renderer"));
    }

    public static CommitDetected byGitWatcher(CommitDetected commit) {
        return commit.signedWith(TestSigningKeys.signingKey("git-watcher"));
    }

    public static CommitIgnored byGitWatcher(CommitIgnored ignored) {
        return ignored.signedWith(TestSigningKeys.signingKey("git-watcher"));
    }
}
