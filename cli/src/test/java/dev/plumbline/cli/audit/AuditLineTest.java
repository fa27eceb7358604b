package dev.plumbline.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AuditLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHA = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";

    @Test
    void theCommitOfEveryRecordOfARevisionNamesWhoSignedIt() throws Exception {
        AuditLine lines = new AuditLine();
        lines.format(record("commit-detected", """
                {"commits": [{"sha": "%s", "author": {"name": "Ana Lima"},
                  "commitSignature": {"verdict": "good", "format": "ssh", "key": "SHA256:ZnNUjVjo",
                                      "signer": "ana@example.com"}}]}
                """.formatted(SHA)));

        assertThat(lines.format(record("applied", "{}")))
                .contains("1a2b3c4 (Ana Lima, not approved, signed with ssh key SHA256:ZnNUjVjo (ana@example.com))"
                        + "  applied");
    }

    @Test
    void anUnsignedCommitSaysSo() throws Exception {
        AuditLine lines = new AuditLine();

        assertThat(lines.format(record("commit-detected", """
                        {"commits": [{"sha": "%s", "author": {"name": "Ana Lima"},
                          "commitSignature": {"verdict": "unsigned"}}]}
                        """.formatted(SHA))))
                .contains("1a2b3c4 (Ana Lima, not approved, unsigned)");
    }

    @Test
    void aPromotionsMergeCommitIsApprovedByThePullRequestsReviewers() throws Exception {
        AuditLine lines = new AuditLine();
        String merged = lines.format(record("promotion-merged", """
                {"repository": "127.0.0.1:5000/shop/web", "tag": "1.2.5", "approvers": ["bo", "cy"],
                 "approvalSource": "host"}
                """));
        lines.format(record("commit-detected", """
                {"commits": [{"sha": "%s", "author": {"name": "Ana Lima"}}]}
                """.formatted(SHA)));

        assertThat(merged).contains("1a2b3c4  promotion-merged  by plumbline: s");
        assertThat(lines.format(record("applied", "{}"))).contains("1a2b3c4 (Ana Lima, approved by bo, cy)  applied");
    }

    private static JsonNode record(String action, String details) throws Exception {
        return JSON.readTree("""
                {"time": "2026-11-27T15:00:01Z", "app": "shop", "revision": "%s", "action": "%s",
                 "actor": "plumbline", "summary": "s", "details": %s}
                """.formatted(SHA, action, details));
    }
}
