package dev.plumbline.gitwatcher.signature;

import java.util.List;
import java.util.Objects;

/**
 * What a watching Application's project asks of the commits it deploys.
 *
 * @param app           the Application
 * @param project       its project
 * @param signatureKeys the public keys one of which must have signed the commit, as the project lists them; empty:
 *                      no signature is required
 */
public record SigningRule(String app, String project, List<String> signatureKeys) {

    public SigningRule {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(project, "project");
        signatureKeys = signatureKeys == null ? List.of() : List.copyOf(signatureKeys);
    }

    public boolean requiresSignedCommits() {
        return !signatureKeys.isEmpty();
    }
}
