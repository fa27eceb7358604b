package dev.plumbline.gitwatcher.signature;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.git.CommitInfo;
import dev.plumbline.events.git.CommitRefusal;
import dev.plumbline.events.vocabulary.SignatureFormat;
import dev.plumbline.events.vocabulary.SignatureVerdict;
import dev.plumbline.gitwatcher.repo.CommitReader;
import dev.plumbline.gitwatcher.testing.CommitSigningKeys;
import dev.plumbline.gitwatcher.testing.CommitSigningKeys.OpenPgpSigningKey;
import dev.plumbline.gitwatcher.testing.CommitSigningKeys.SshSigningKey;
import dev.plumbline.gitwatcher.testing.GitWorkspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitJudgeTest {

    @TempDir
    Path folder;

    GitWorkspace work;
    CommitJudge judge;
    SshSigningKey ana;

    @BeforeEach
    void start() {
        work = new GitWorkspace(folder.resolve("work"), null, null, null);
        judge = new CommitJudge(new SignatureChecker(folder.resolve("signers")));
        ana = CommitSigningKeys.ssh(folder, "ana@laptop");
    }

    @AfterEach
    void stop() {
        work.close();
    }

    @Test
    void aCommitSignedWithAListedSshKeyIsGoodAndRefusedToNobody() throws IOException {
        String sha = work.signingWith(ana.signer(), ana.privateKeyFile().toString())
                .commit("Scale web", Map.of("web.yaml", "replicas: 1\n"));

        CommitJudge.Judgement judgement = judge.judge(work.repository(), info(sha), List.of(app("web", ana)));

        assertThat(judgement.signature().verdict()).isEqualTo(SignatureVerdict.GOOD);
        assertThat(judgement.signature().format()).isEqualTo(SignatureFormat.SSH);
        assertThat(judgement.signature().key()).isEqualTo(ana.fingerprint()).startsWith("SHA256:");
        assertThat(judgement.signature().signer()).isEqualTo("ana@laptop");
        assertThat(judgement.refusals()).isEmpty();
    }

    @Test
    void anUnsignedCommitOnTopIsRefusedNamingTheCommitAndItsAuthor() throws IOException {
        work.signingWith(ana.signer(), ana.privateKeyFile().toString())
                .commit("Scale web", Map.of("web.yaml", "replicas: 1\n"));
        String unsigned = work.signingWith(null, null).commit("Scale web more", Map.of("web.yaml", "replicas: 5\n"));

        CommitJudge.Judgement judgement =
                judge.judge(work.repository(), info(unsigned), List.of(app("web", ana, anotherKey())));

        assertThat(judgement.signature().verdict()).isEqualTo(SignatureVerdict.UNSIGNED);
        assertThat(judgement.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.app()).isEqualTo("web");
            assertThat(refusal.project()).isEqualTo("team-a");
            assertThat(refusal.reason())
                    .isEqualTo("commit " + unsigned.substring(0, 7) + " by Ana Lima <ana@example.com> is not signed;"
                            + " project \"team-a\" requires commits signed with one of its 2 keys");
        });
    }

    @Test
    void aCommitSignedWithAKeyTheProjectDoesNotListIsRefusedNamingThatKey() throws IOException {
        SshSigningKey stranger = CommitSigningKeys.ssh(folder, "mallory@laptop");
        String sha = work.signingWith(
                        stranger.signer(), stranger.privateKeyFile().toString())
                .commit("Scale web", Map.of("web.yaml", "replicas: 1\n"));

        CommitJudge.Judgement judgement = judge.judge(work.repository(), info(sha), List.of(app("web", ana)));

        assertThat(judgement.signature().verdict()).isEqualTo(SignatureVerdict.UNKNOWN_KEY);
        assertThat(judgement.signature().key()).isEqualTo(stranger.fingerprint());
        assertThat(judgement.refusals())
                .singleElement()
                .extracting(CommitRefusal::reason)
                .asString()
                .contains("commit " + sha.substring(0, 7) + " by Ana Lima <ana@example.com>")
                .contains("is signed with SSH key " + stranger.fingerprint())
                .contains("which project \"team-a\" does not list")
                .contains("signatureKeys");
    }

    @Test
    void aSignatureMadeOverOtherBytesIsBad() throws IOException {
        String sha = work.signingWith(
                        CommitSigningKeys.tampering(ana.signer()),
                        ana.privateKeyFile().toString())
                .commit("Scale web", Map.of("web.yaml", "replicas: 1\n"));

        CommitJudge.Judgement judgement = judge.judge(work.repository(), info(sha), List.of(app("web", ana)));

        assertThat(judgement.signature().verdict()).isEqualTo(SignatureVerdict.BAD);
        assertThat(judgement.signature().key()).isEqualTo(ana.fingerprint());
        assertThat(judgement.refusals())
                .singleElement()
                .extracting(CommitRefusal::reason)
                .asString()
                .contains("does not verify");
    }

    @Test
    void aCommitSignedWithAListedOpenPgpKeyIsGood() throws IOException {
        OpenPgpSigningKey openPgp = CommitSigningKeys.openPgp("Ana Lima <ana@example.com>");
        String sha = work.signingWith(openPgp.signer(), openPgp.fingerprint())
                .commit("Scale web", Map.of("web.yaml", "replicas: 1\n"));
        SigningRule web = new SigningRule("web", "team-a", List.of(ana.publicKeyLine(), openPgp.armoredPublicKey()));

        CommitJudge.Judgement judgement = judge.judge(work.repository(), info(sha), List.of(web));

        assertThat(judgement.signature().verdict()).isEqualTo(SignatureVerdict.GOOD);
        assertThat(judgement.signature().format()).isEqualTo(SignatureFormat.OPENPGP);
        assertThat(judgement.signature().key()).isEqualTo(openPgp.fingerprint()).matches("[0-9A-F]{40}");
        assertThat(judgement.signature().signer()).isEqualTo("Ana Lima <ana@example.com>");
        assertThat(judgement.refusals()).isEmpty();
    }

    @Test
    void anOpenPgpSignatureMadeOverOtherBytesIsBad() throws IOException {
        OpenPgpSigningKey openPgp = CommitSigningKeys.openPgp("Ana Lima <ana@example.com>");
        String sha = work.signingWith(CommitSigningKeys.tampering(openPgp.signer()), openPgp.fingerprint())
                .commit("Scale web", Map.of("web.yaml", "replicas: 1\n"));
        SigningRule web = new SigningRule("web", "team-a", List.of(openPgp.armoredPublicKey()));

        CommitJudge.Judgement judgement = judge.judge(work.repository(), info(sha), List.of(web));

        assertThat(judgement.signature().verdict()).isEqualTo(SignatureVerdict.BAD);
        assertThat(judgement.signature().key()).isEqualTo(openPgp.fingerprint());
        assertThat(judgement.refusals())
                .singleElement()
                .extracting(CommitRefusal::reason)
                .asString()
                .contains("does not verify", "requires commits signed with its key");
    }

    @Test
    void anOpenPgpSignatureByAnUnlistedKeyNamesItsFingerprint() throws IOException {
        OpenPgpSigningKey stranger = CommitSigningKeys.openPgp("Mallory <mallory@example.com>");
        String sha = work.signingWith(stranger.signer(), stranger.fingerprint())
                .commit("Scale web", Map.of("web.yaml", "replicas: 1\n"));

        CommitJudge.Judgement judgement = judge.judge(work.repository(), info(sha), List.of(app("web", ana)));

        assertThat(judgement.signature().verdict()).isEqualTo(SignatureVerdict.UNKNOWN_KEY);
        assertThat(judgement.refusals())
                .singleElement()
                .extracting(CommitRefusal::reason)
                .asString()
                .contains("OpenPGP key " + stranger.fingerprint());
    }

    @Test
    void aProjectWithoutSignatureKeysChecksNothingAndRefusesNothing() throws IOException {
        String unsigned = work.commit("Scale web", Map.of("web.yaml", "replicas: 1\n"));
        SigningRule relaxed = new SigningRule("web", "default", List.of());

        CommitJudge.Judgement judgement = judge.judge(work.repository(), info(unsigned), List.of(relaxed));

        assertThat(judgement.signature()).as("not checked").isNull();
        assertThat(judgement.refusals()).isEmpty();
    }

    @Test
    void eachProjectJudgesBySignaturesOfItsOwnKeys() throws IOException {
        SshSigningKey ben = CommitSigningKeys.ssh(folder, "ben@desktop");
        String sha = work.signingWith(ana.signer(), ana.privateKeyFile().toString())
                .commit("Scale web", Map.of("web.yaml", "replicas: 1\n"));
        SigningRule teamB = new SigningRule("shop", "team-b", List.of(ben.publicKeyLine()));
        SigningRule relaxed = new SigningRule("docs", "default", List.of());

        CommitJudge.Judgement judgement =
                judge.judge(work.repository(), info(sha), List.of(app("web", ana), teamB, relaxed));

        assertThat(judgement.signature().verdict()).isEqualTo(SignatureVerdict.GOOD);
        assertThat(judgement.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.app()).isEqualTo("shop");
            assertThat(refusal.reason())
                    .contains("is signed with SSH key " + ana.fingerprint() + " (ana@laptop)")
                    .contains("project \"team-b\" does not list");
        });
    }

    @Test
    void aKeyThatCannotBeReadIsLeftOutAndTheOthersStillCount() throws IOException {
        String sha = work.signingWith(ana.signer(), ana.privateKeyFile().toString())
                .commit("Scale web", Map.of("web.yaml", "replicas: 1\n"));
        SigningRule web = new SigningRule("web", "team-a", List.of("ssh-ed25519 not-base64!", ana.publicKeyLine()));

        CommitJudge.Judgement judgement = judge.judge(work.repository(), info(sha), List.of(web));

        assertThat(judgement.signature().verdict()).isEqualTo(SignatureVerdict.GOOD);
        assertThat(judgement.refusals()).isEmpty();
    }

    @Test
    void aBareMirrorAndADataFolderGivenRelativeAreChecked() throws Exception {
        Path bare = folder.resolve("mirror.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
        String sha;
        try (GitWorkspace pushing =
                new GitWorkspace(folder.resolve("pushing"), bare.toUri().toString(), null, null)) {
            sha = pushing.signingWith(ana.signer(), ana.privateKeyFile().toString())
                    .commit("Scale web", Map.of("web.yaml", "replicas: 1\n"));
            pushing.push("HEAD:refs/heads/main");
        }
        Path relative = Path.of("").toAbsolutePath().relativize(folder.resolve("relative-signers"));
        CommitJudge relativeJudge = new CommitJudge(new SignatureChecker(relative));

        try (Repository mirror =
                new FileRepositoryBuilder().setGitDir(bare.toFile()).build()) {
            CommitInfo commit;
            try (RevWalk walk = new RevWalk(mirror)) {
                commit = CommitReader.info(walk.parseCommit(ObjectId.fromString(sha)));
            }
            assertThat(relativeJudge
                            .judge(mirror, commit, List.of(app("web", ana)))
                            .signature()
                            .verdict())
                    .isEqualTo(SignatureVerdict.GOOD);
        }
    }

    private String anotherKey() {
        return CommitSigningKeys.ssh(folder, "ana@desktop").publicKeyLine();
    }

    private static SigningRule app(String name, SshSigningKey key, String... moreKeys) {
        List<String> keys = new java.util.ArrayList<>(List.of(key.publicKeyLine()));
        keys.addAll(List.of(moreKeys));
        return new SigningRule(name, "team-a", keys);
    }

    private CommitInfo info(String sha) throws IOException {
        try (RevWalk walk = new RevWalk(work.repository())) {
            return CommitReader.info(walk.parseCommit(ObjectId.fromString(sha)));
        }
    }
}
