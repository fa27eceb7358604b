package dev.plumbline.gitwatcher.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.ApplicationSpec;
import dev.plumbline.events.project.ProjectDestination;
import dev.plumbline.events.project.ProjectPolicy;
import dev.plumbline.events.testing.TestProjects;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WatchSetTest {

    private static final String TEAM_A_REPO = "https://git.example.com/team-a/deploy.git";
    private static final String TEAM_B_REPO = "https://git.example.com/team-b/deploy.git";
    private static final String SSH_KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA8asOgMG0sX/EhJT5GSBoe4oAz3d8pUqOTP3/SdLUK8";

    @Test
    void anApplicationWhoseProjectRefusesItsRepositoryIsNotWatchedAndSaysWhy() {
        WatchSet set = WatchSet.of(List.of(app("intruder", TEAM_B_REPO, teamA(List.of()))));

        assertThat(set.repos()).as("nothing is fetched for it").isEmpty();
        assertThat(set.refused()).singleElement().satisfies(refused -> {
            assertThat(refused.app()).isEqualTo("intruder");
            assertThat(refused.repoUrl()).isEqualTo(TEAM_B_REPO);
            assertThat(refused.project()).isEqualTo("team-a");
            assertThat(refused.reason()).contains(TEAM_B_REPO, "team-a", "sourceRepos");
        });
        assertThat(set.refusedFor(RepoUrl.of(TEAM_B_REPO).key())).hasSize(1);
    }

    @Test
    void anotherApplicationAllowedTheSameRepositoryStillWatchesIt() {
        WatchSet set = WatchSet.of(List.of(
                app("intruder", TEAM_B_REPO, teamA(List.of())),
                app("owner", TEAM_B_REPO, TestProjects.allowingEverything())));

        assertThat(set.repos())
                .singleElement()
                .satisfies(repo -> assertThat(repo.watchers())
                        .extracting(WatchingApplication::app)
                        .containsExactly("owner"));
        assertThat(set.refused()).extracting(RefusedSource::app).containsExactly("intruder");
    }

    @Test
    void aSpecWithoutAProjectIsJudgedByAProjectThatAllowsNothing() {
        ApplicationSpec withoutProject =
                app("old", TEAM_A_REPO, teamA(List.of())).withProject(null);

        WatchSet set = WatchSet.of(List.of(withoutProject));

        assertThat(set.repos()).isEmpty();
        assertThat(set.refused())
                .singleElement()
                .satisfies(refused -> assertThat(refused.reason()).contains("project \"default\" does not exist"));
    }

    @Test
    void anApplicationItsProjectNowAllowsIsAnnouncedAgainEvenWhereItsRefWasAnnouncedBefore() {
        WatchSet refused = WatchSet.of(List.of(app("web", TEAM_B_REPO, teamA(List.of()))));
        WatchSet allowed = WatchSet.of(List.of(app("web", TEAM_B_REPO, TestProjects.allowingEverything())));

        assertThat(allowed.announceAgain(refused))
                .isEqualTo(Map.of(RepoUrl.of(TEAM_B_REPO).key(), Set.of("web")));
        assertThat(allowed.announceAgain(allowed))
                .as("an unchanged project announces nothing")
                .isEmpty();
        assertThat(allowed.announceAgain(WatchSet.empty()))
                .as("at start-up what was announced before a restart stays announced")
                .isEmpty();
    }

    @Test
    void anApplicationWhoseProjectChangedItsSignatureKeysIsAnnouncedAgain() {
        WatchSet before = WatchSet.of(List.of(
                app("web", TEAM_A_REPO, teamA(List.of())), app("api", TEAM_A_REPO, TestProjects.allowingEverything())));
        WatchSet after = WatchSet.of(List.of(
                app("web", TEAM_A_REPO, teamA(List.of(SSH_KEY))),
                app("api", TEAM_A_REPO, TestProjects.allowingEverything())));

        assertThat(after.announceAgain(before))
                .isEqualTo(Map.of(RepoUrl.of(TEAM_A_REPO).key(), Set.of("web")));
        assertThat(after.repos().iterator().next().watchers().get(1).signatureKeys())
                .containsExactly(SSH_KEY);
    }

    private static ProjectPolicy teamA(List<String> signatureKeys) {
        return new ProjectPolicy(
                "team-a",
                true,
                1,
                List.of("https://git.example.com/team-a/*"),
                List.of(ProjectDestination.of("team-a")),
                List.of(),
                null,
                null,
                signatureKeys);
    }

    private static ApplicationSpec app(String name, String url, ProjectPolicy project) {
        return RepoUrlTest.app(name, url, "main", "").withProject(project);
    }
}
