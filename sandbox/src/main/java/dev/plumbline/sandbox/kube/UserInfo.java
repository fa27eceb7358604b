package dev.plumbline.sandbox.kube;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a request acts as, as Kubernetes' authenticators and impersonation name it: a user name, a uid, groups and
 * extra values. ServiceAccounts are users named {@code system:serviceaccount:<namespace>:<name>}.
 */
record UserInfo(String name, String uid, List<String> groups, Map<String, List<String>> extra) {

    static final String MASTERS = "system:masters";
    static final String AUTHENTICATED = "system:authenticated";
    static final String UNAUTHENTICATED = "system:unauthenticated";
    static final String ANONYMOUS = "system:anonymous";
    static final String SERVICE_ACCOUNTS = "system:serviceaccounts";

    private static final String SERVICE_ACCOUNT_PREFIX = "system:serviceaccount:";
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** Requests without credentials act as this user, allowed everything through {@value #MASTERS}. */
    static final UserInfo ADMIN = new UserInfo("system:admin", "", List.of(MASTERS, AUTHENTICATED), Map.of());

    UserInfo {
        groups = List.copyOf(groups);
        extra = Map.copyOf(extra);
    }

    /** A user an authenticator vouched for: {@value #AUTHENTICATED} is added, as Kubernetes does for all of them. */
    static UserInfo authenticated(String name, String uid, List<String> groups) {
        List<String> all = new ArrayList<>(groups);
        if (!all.contains(AUTHENTICATED)) {
            all.add(AUTHENTICATED);
        }
        return new UserInfo(name, uid, all, Map.of());
    }

    boolean privileged() {
        return groups.contains(MASTERS);
    }

    static String serviceAccountUser(String namespace, String name) {
        return SERVICE_ACCOUNT_PREFIX + namespace + ":" + name;
    }

    /** The groups every ServiceAccount of the namespace is in. */
    static List<String> serviceAccountGroups(String namespace) {
        return List.of(SERVICE_ACCOUNTS, SERVICE_ACCOUNTS + ":" + namespace);
    }

    /**
     * The namespace and name of a ServiceAccount user name, or empty when the name is not one: as in Kubernetes,
     * exactly two parts after the prefix, a valid namespace and a valid ServiceAccount name.
     */
    static Optional<String[]> splitServiceAccount(String user) {
        if (!user.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            return Optional.empty();
        }
        String[] parts = user.substring(SERVICE_ACCOUNT_PREFIX.length()).split(":", -1);
        if (parts.length != 2
                || !DNS_LABEL.matcher(parts[0]).matches()
                || !DNS_SUBDOMAIN.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(parts);
    }
}
