package dev.plumbline.imageupdater.registry;

/**
 * How to reach one registry host: a username and password (used for basic auth and to obtain bearer tokens; both
 * null for anonymous access) and whether it is served over plain HTTP. Loopback registries are always plain HTTP.
 */
public record RegistryCredentials(String registry, String username, String password, boolean plainHttp) {

    public static RegistryCredentials anonymous(String registry) {
        return new RegistryCredentials(registry, null, null, false);
    }

    public boolean hasLogin() {
        return username != null && !username.isEmpty() && password != null;
    }

    @Override
    public String toString() {
        return "RegistryCredentials[registry=" + registry + ", username=" + username + ", password="
                + (password == null ? "none" : "***") + ", plainHttp=" + plainHttp + "]";
    }
}
