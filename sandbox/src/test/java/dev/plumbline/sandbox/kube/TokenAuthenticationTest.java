package dev.plumbline.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens from a kube-apiserver token file, and requests without one. */
class TokenAuthenticationTest {

    @TempDir
    Path work;

    @Test
    void aTokenFileLineIsAUserWithItsGroupsAndSystemAuthenticated() throws IOException {
        TokenAuthentication tokens = new TokenAuthentication();
        tokens.addFile(Files.writeString(work.resolve("tokens.csv"), """
                # token,user,uid,groups
                t0k3n,alice,uid-7,"developers,qa"
                other,bob,uid-8
                """));
        UserInfo alice = tokens.authenticate("Bearer t0k3n");
        assertThat(alice.name()).isEqualTo("alice");
        assertThat(alice.uid()).isEqualTo("uid-7");
        assertThat(alice.groups()).containsExactly("developers", "qa", UserInfo.AUTHENTICATED);
        assertThat(tokens.authenticate("bearer other").groups()).containsExactly(UserInfo.AUTHENTICATED);
    }

    @Test
    void anUnknownTokenIsUnauthorizedAndNoTokenIsTheAdmin() {
        TokenAuthentication tokens = new TokenAuthentication();
        tokens.add("t0k3n", UserInfo.authenticated("alice", "", List.of()));
        assertThatThrownBy(() -> tokens.authenticate("Bearer guessed"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(401);
                    assertThat(e.toStatus().toString())
                            .isEqualTo(
                                    "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                                            + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}");
                });
        assertThat(tokens.authenticate(null)).isEqualTo(UserInfo.ADMIN);
        assertThat(tokens.authenticate("Basic YWxpY2U6c2VjcmV0")).isEqualTo(UserInfo.ADMIN);
    }

    @Test
    void aMalformedLineIsRefusedNamingIt() throws IOException {
        Path file = Files.writeString(work.resolve("tokens.csv"), "t0k3n,alice,uid-7\nlonely\n");
        assertThatThrownBy(() -> new TokenAuthentication().addFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2 of the token file")
                .hasMessageContaining("token,user,uid");
    }
}
