package dev.plumbline.sandbox.git;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * Lets a request through only with the credentials of one of the server's users; answers 401 with a
 * {@code WWW-Authenticate} challenge otherwise, which is what makes Git clients send their credentials. Basic auth
 * for Git and the API; the API also takes Gitea's {@code Authorization: token <password>}. A read-only user gets
 * 403 for a push ({@code git-receive-pack}) and for any API call that changes something.
 */
final class BasicAuthFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final String BASIC = "Basic ";
    private static final String TOKEN = "token ";
    private static final String CHALLENGE = "Basic realm=\"plumbline sandbox git\", charset=\"UTF-8\"";

    /** A user of the server; {@code mayWrite} false refuses pushes and API changes. */
    record Account(BasicCredentials credentials, boolean mayWrite) {}

    private record Known(Account account, byte[] basicDigest, byte[] tokenDigest) {}

    private final transient List<Known> accounts;

    BasicAuthFilter(List<Account> accounts) {
        this.accounts = accounts.stream()
                .map(account -> new Known(
                        account,
                        sha256(account.credentials().username() + ":"
                                + account.credentials().password()),
                        sha256(account.credentials().password())))
                .toList();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Account account = accountOf(request.getHeader("Authorization"));
        if (account == null) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (!account.mayWrite() && writes(request)) {
            response.sendError(
                    HttpServletResponse.SC_FORBIDDEN,
                    "the user " + account.credentials().username() + " may read, not write");
            return;
        }
        chain.doFilter(new AuthenticatedRequest(request, account.credentials().username()), response);
    }

    private static boolean writes(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri.startsWith("/api/")) {
            return !List.of("GET", "HEAD").contains(request.getMethod());
        }
        return uri.endsWith("/git-receive-pack") || "git-receive-pack".equals(request.getParameter("service"));
    }

    private Account accountOf(String authorization) {
        byte[] digest;
        boolean basic;
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                byte[] decoded = Base64.getDecoder()
                        .decode(authorization.substring(BASIC.length()).trim());
                digest = sha256(new String(decoded, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
            basic = true;
        } else if (authorization != null && authorization.regionMatches(true, 0, TOKEN, 0, TOKEN.length())) {
            digest = sha256(authorization.substring(TOKEN.length()).trim());
            basic = false;
        } else {
            return null;
        }
        // every account is compared, each in constant time over digests of equal length: neither a password nor its
        // length nor which account matched shows in the time taken
        Account match = null;
        for (Known known : accounts) {
            if (MessageDigest.isEqual(basic ? known.basicDigest() : known.tokenDigest(), digest) && match == null) {
                match = known.account();
            }
        }
        return match;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Tells JGit and the API who the user is, so that the reflog and pull requests name them. */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {

        private final String user;

        AuthenticatedRequest(HttpServletRequest request, String user) {
            super(request);
            this.user = user;
        }

        @Override
        public String getRemoteUser() {
            return user;
        }

        @Override
        public String getAuthType() {
            return HttpServletRequest.BASIC_AUTH;
        }
    }
}
