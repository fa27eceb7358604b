package dev.plumbline.sandbox.kafka;

import dev.plumbline.events.kafka.BusAcls;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * Makes the broker's users and ACLs exactly those of {@code BusAccess}, at every start: the passwords are new each
 * time, a principal that is no longer there loses its credentials and ACLs, and one that changed its row gets the
 * new one. Done as the broker's own super user, and finished (seen by the broker that authorizes clients) before
 * the broker is reported ready.
 */
final class BusAuthorization {

    private static final int SCRAM_ITERATIONS = 4096;
    private static final Duration APPLIED_WITHIN = Duration.ofSeconds(30);

    private BusAuthorization() {}

    /**
     * @param superUserSettings client settings of the broker's own principal
     * @param passwords         the password of every principal
     * @param oneClient         client settings of one of those principals, to see its new password accepted
     */
    static void apply(
            Map<String, Object> superUserSettings, Map<String, String> passwords, Map<String, Object> oneClient)
            throws Exception {
        try (Admin admin = Admin.create(superUserSettings)) {
            List<UserScramCredentialAlteration> alterations = new ArrayList<>();
            passwords.forEach((user, password) -> alterations.add(new UserScramCredentialUpsertion(
                    user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
            for (String gone : scramUsers(admin)) {
                if (!passwords.containsKey(gone)) {
                    alterations.add(new UserScramCredentialDeletion(gone, ScramMechanism.SCRAM_SHA_512));
                }
            }
            admin.alterUserScramCredentials(alterations).all().get();

            Set<AclBinding> wanted = new HashSet<>(BusAcls.all());
            Set<AclBinding> present = new HashSet<>(
                    admin.describeAcls(AclBindingFilter.ANY).values().get());
            List<AclBindingFilter> stale = present.stream()
                    .filter(binding -> !wanted.contains(binding))
                    .map(AclBinding::toFilter)
                    .toList();
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get();
            }
            wanted.removeAll(present);
            if (!wanted.isEmpty()) {
                admin.createAcls(wanted).all().get();
            }
            awaitApplied(admin, new HashSet<>(BusAcls.all()));
        }
        awaitLogin(oneClient);
    }

    /**
     * The controller has the changes when the calls return; the broker that authorizes clients reads them from the
     * metadata log a moment later. Until it has, a client that connects could be refused.
     */
    private static void awaitApplied(Admin admin, Set<AclBinding> acls) throws Exception {
        Instant deadline = Instant.now().plus(APPLIED_WITHIN);
        while (!new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get()).equals(acls)) {
            requireBefore(deadline, "its ACLs");
        }
    }

    /** The passwords were all set at once: when one is accepted on the clients' listener, all are. */
    private static void awaitLogin(Map<String, Object> client) throws Exception {
        Instant deadline = Instant.now().plus(APPLIED_WITHIN);
        while (true) {
            try (Admin admin = Admin.create(client)) {
                admin.describeCluster().clusterId().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof SaslAuthenticationException)) {
                    throw e;
                }
                requireBefore(deadline, "its new passwords");
            }
        }
    }

    private static void requireBefore(Instant deadline, String what) {
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException(
                    "the broker did not apply " + what + " within " + APPLIED_WITHIN.toSeconds() + " s");
        }
    }

    private static Set<String> scramUsers(Admin admin) throws InterruptedException, ExecutionException {
        return new HashSet<>(admin.describeUserScramCredentials().users().get());
    }
}
