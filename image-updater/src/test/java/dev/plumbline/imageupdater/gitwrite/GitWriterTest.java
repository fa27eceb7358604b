package dev.plumbline.imageupdater.gitwrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitWriterTest {

    private static final String FILE = "apps/web/kustomization.yaml";
    private static final String BRANCH = "plumbline/promote/web/web";
    private static final WriteCredential CAN_PUSH =
            new WriteCredential(SandboxRepository.WRITER.username(), SandboxRepository.WRITER.password());

    @TempDir
    Path folder;

    private SandboxRepository config;
    private GitWriter writer;

    @BeforeEach
    void startRepository() throws Exception {
        config = new SandboxRepository(folder, FILE, kustomization("1.2.4"));
        writer = writerWith(CAN_PUSH);
    }

    @AfterEach
    void stopRepository() {
        config.close();
    }

    @Test
    void aPromotionBranchIsOneCommitOnTheBaseWithTheMessageAndAuthorGiven() throws Exception {
        RevCommit base = config.head("main");

        Optional<PushedCommit> pushed = writer.pushToBranch("main", BRANCH, bump("1.2.5"));

        RevCommit promotion = config.head(BRANCH);
        assertThat(pushed).contains(new PushedCommit(promotion.name(), BRANCH, List.of(FILE)));
        assertThat(promotion.getParents()).containsExactly(base);
        assertThat(promotion.getFullMessage()).isEqualTo(message("1.2.5"));
        assertThat(promotion.getAuthorIdent().getName()).isEqualTo("Plumbline");
        assertThat(promotion.getAuthorIdent().getEmailAddress()).isEqualTo("plumbline@localhost");
        assertThat(config.content(promotion, FILE)).isEqualTo(kustomization("1.2.5"));
        assertThat(config.head("main")).isEqualTo(base);
    }

    @Test
    void aNewerImageRebuildsTheBranchOnTheCurrentBase() throws Exception {
        writer.pushToBranch("main", BRANCH, bump("1.2.5"));
        RevCommit moved = config.write("README.md", "config\n", "Describe the repository");

        writer.pushToBranch("main", BRANCH, bump("1.2.6"));

        RevCommit promotion = config.head(BRANCH);
        assertThat(promotion.getParents()).containsExactly(moved);
        assertThat(config.content(promotion, FILE)).isEqualTo(kustomization("1.2.6"));
        assertThat(config.content(promotion, "README.md")).isEqualTo("config\n");
    }

    @Test
    void aTargetBranchThatMovedBeforeThePushIsEditedAgainOnTheNewHead() throws Exception {
        AtomicInteger edits = new AtomicInteger();
        CheckoutEdit racing = checkout -> {
            if (edits.incrementAndGet() == 1) {
                colleagueCommits("README.md", "raced\n");
            }
            return bump("1.2.5").apply(checkout);
        };

        Optional<PushedCommit> pushed = writer.pushToTarget("main", racing);

        RevCommit head = config.head("main");
        assertThat(edits).hasValue(2);
        assertThat(pushed.orElseThrow().commit()).isEqualTo(head.name());
        assertThat(config.content(head, FILE)).isEqualTo(kustomization("1.2.5"));
        assertThat(config.content(head, "README.md")).isEqualTo("raced\n");
    }

    @Test
    void aTargetBranchThatKeepsMovingFailsClearlyAfterThreeAttempts() throws Exception {
        AtomicInteger edits = new AtomicInteger();
        CheckoutEdit alwaysRaced = checkout -> {
            colleagueCommits("README.md", "raced " + edits.incrementAndGet() + "\n");
            return bump("1.2.5").apply(checkout);
        };

        GitWriteException failure =
                catchThrowableOfType(GitWriteException.class, () -> writer.pushToTarget("main", alwaysRaced));

        assertThat(edits).hasValue(GitWriter.TARGET_ATTEMPTS);
        assertThat(failure.kind()).isEqualTo(GitWriteException.Kind.PUSH_REFUSED);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("main", config.url(), "moved before each of 3 pushes");
        assertThat(config.content(config.head("main"), FILE)).isEqualTo(kustomization("1.2.4"));
    }

    @Test
    void anEditThatChangesNothingPushesNothing() throws Exception {
        RevCommit base = config.head("main");

        assertThat(writer.pushToTarget("main", bump("1.2.4"))).isEmpty();
        assertThat(writer.pushToBranch("main", BRANCH, checkout -> Optional.empty()))
                .isEmpty();

        assertThat(config.head("main")).isEqualTo(base);
        assertThat(config.head(BRANCH)).isNull();
    }

    @Test
    void eachCheckoutIsFreshInTheReusedWorkFolder() throws Exception {
        Path checkout = writer.checkout("main");
        Files.writeString(checkout.resolve("left-over.txt"), "from an earlier edit\n");
        Files.writeString(checkout.resolve(FILE), "half edited\n");
        config.write("README.md", "config\n", "Describe the repository");

        assertThat(writer.checkout("main")).isEqualTo(checkout);

        assertThat(checkout.resolve("left-over.txt")).doesNotExist();
        assertThat(checkout.resolve(FILE)).hasContent(kustomization("1.2.4").strip());
        assertThat(checkout.resolve("README.md")).exists();
    }

    @Test
    void aRefusedCredentialIsNamedWithoutItsPassword() {
        GitWriter wrong = writerWith(new WriteCredential("plumbline", "not-the-token"));

        GitWriteException refused =
                catchThrowableOfType(GitWriteException.class, () -> wrong.pushToBranch("main", BRANCH, bump("1.2.5")));

        assertThat(refused.kind()).as(refused.getMessage()).isEqualTo(GitWriteException.Kind.CREDENTIAL_REFUSED);
        assertThat(refused.getMessage()).contains(config.url(), "plumbline").doesNotContain("not-the-token");
    }

    @Test
    void aCredentialThatMayOnlyReadIsToldItCannotPush() throws Exception {
        GitWriter reader = writerWith(
                new WriteCredential(SandboxRepository.READER.username(), SandboxRepository.READER.password()));

        GitWriteException refused =
                catchThrowableOfType(GitWriteException.class, () -> reader.pushToBranch("main", BRANCH, bump("1.2.5")));

        assertThat(refused.kind()).as(refused.getMessage()).isEqualTo(GitWriteException.Kind.CREDENTIAL_REFUSED);
        assertThat(refused.getMessage())
                .contains("watcher", "push")
                .doesNotContain(SandboxRepository.READER.password());
        assertThat(config.head(BRANCH)).isNull();
    }

    @Test
    void aMissingBaseBranchIsNamed() {
        GitWriteException missing = catchThrowableOfType(
                GitWriteException.class, () -> writer.pushToBranch("production", BRANCH, bump("1.2.5")));

        assertThat(missing.kind()).isEqualTo(GitWriteException.Kind.NO_SUCH_BRANCH);
        assertThat(missing.getMessage()).contains("no branch production");
    }

    @Test
    void aFileOutsideTheCheckoutIsRefused() {
        CheckoutEdit escaping = checkout -> Optional.of(new PendingCommit(List.of("../elsewhere.yaml"), "Escape"));

        GitWriteException refused =
                catchThrowableOfType(GitWriteException.class, () -> writer.pushToTarget("main", escaping));

        assertThat(refused.kind()).isEqualTo(GitWriteException.Kind.LOCAL);
        assertThat(refused.getMessage()).contains("'../elsewhere.yaml' is not a file of the checkout");
    }

    private GitWriter writerWith(WriteCredential credential) {
        return new GitWriter(folder.resolve("work"), config.url(), credential, "Plumbline", "plumbline@localhost");
    }

    private void colleagueCommits(String file, String content) {
        try {
            config.write(file, content, "A colleague's change");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static CheckoutEdit bump(String tag) {
        return checkout -> {
            Path file = checkout.resolve(FILE);
            String before = Files.readString(file);
            String after = kustomization(tag);
            if (before.equals(after)) {
                return Optional.empty();
            }
            Files.writeString(file, after);
            return Optional.of(new PendingCommit(List.of(FILE), message(tag)));
        };
    }

    private static String message(String tag) {
        return "Promote web to " + tag + "\n\nPlumbline-Promotion: 5b0c\nPlumbline-Image: 127.0.0.1:5000/shop/web:"
                + tag + "@sha256:abc\n";
    }

    private static String kustomization(String tag) {
        return "images:\n  - name: 127.0.0.1:5000/shop/web\n    newTag: " + tag + "\n";
    }
}
