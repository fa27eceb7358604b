package dev.plumbline.events.git;

import java.util.Objects;

/**
 * An Application that must not deploy the commit a ref moved to, because its project requires signed commits and
 * this one is not signed by a key the project lists. The renderer renders nothing for it; the Application says why.
 *
 * @param app     the Application
 * @param project its project
 * @param reason  in words a person can act on, naming the commit, its author and the key it was (not) signed with
 */
public record CommitRefusal(String app, String project, String reason) {

    public CommitRefusal {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(reason, "reason");
    }
}
