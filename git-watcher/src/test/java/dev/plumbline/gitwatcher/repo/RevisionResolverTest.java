package dev.plumbline.gitwatcher.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionResolverTest {

    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);
    private static final MirrorRefs REFS = new MirrorRefs(
            Map.of("refs/heads/main", A, "refs/heads/release", B, "refs/tags/v1.0.0", B, "refs/tags/release", A),
            "refs/heads/main");

    @Test
    void headIsTheRemotesDefaultBranch() {
        assertThat(resolve("HEAD")).isEqualTo(new ResolvedRevision("HEAD", "refs/heads/main", A, null));
    }

    @Test
    void aShortNameIsABranchWhenOneExistsAndATagOtherwise() {
        assertThat(resolve("release").ref()).isEqualTo("refs/heads/release");
        assertThat(resolve("v1.0.0")).isEqualTo(new ResolvedRevision("v1.0.0", "refs/tags/v1.0.0", B, null));
        assertThat(resolve("refs/tags/release").sha()).isEqualTo(A);
    }

    @Test
    void aFullShaIsPinnedWhenTheMirrorHoldsIt() {
        assertThat(RevisionResolver.resolve(B.toUpperCase(), REFS, Set.of(), B::equals))
                .isEqualTo(new ResolvedRevision(B.toUpperCase(), B, B, null));
        assertThat(RevisionResolver.resolve("c".repeat(40), REFS, Set.of(), B::equals)
                        .problem())
                .isEqualTo("commit " + "c".repeat(40) + " is on no branch or tag fetched");
    }

    @Test
    void aMissingBranchSaysSoAndAGoneTagKeepsItsTagName() {
        assertThat(resolve("feature"))
                .isEqualTo(
                        new ResolvedRevision("feature", "refs/heads/feature", null, "branch feature does not exist"));
        assertThat(RevisionResolver.resolve("v0.9", REFS, Set.of("refs/tags/v0.9"), sha -> false)
                        .ref())
                .isEqualTo("refs/tags/v0.9");
    }

    @Test
    void headOfARemoteThatDoesNotNameItsDefaultBranchIsAProblem() {
        assertThat(RevisionResolver.resolve(
                                "HEAD", new MirrorRefs(Map.of("refs/heads/main", A), null), Set.of(), sha -> true)
                        .found())
                .isFalse();
    }

    private static ResolvedRevision resolve(String revision) {
        return RevisionResolver.resolve(revision, REFS, Set.of(), sha -> false);
    }
}
