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

/**
 * Lets a request through only with the server's basic-auth credentials; answers 401 with a
 * {@code WWW-Authenticate} challenge otherwise, which is what makes Git clients send their credentials.
 */
final class BasicAuthFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final String PREFIX = "Basic ";
    private static final String CHALLENGE = "Basic realm=\"plumbline sandbox git\", charset=\"UTF-8\"";

    private final String username;
    private final byte[] expectedDigest;

    BasicAuthFilter(BasicCredentials credentials) {
        this.username = credentials.username();
        this.expectedDigest = sha256(credentials.username() + ":" + credentials.password());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!carriesCredentials(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(new AuthenticatedRequest(request, username), response);
    }

    private boolean carriesCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder()
                    .decode(authorization.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        // comparing digests of equal length in constant time reveals neither the password nor its length
        return MessageDigest.isEqual(expectedDigest, sha256(new String(decoded, StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Tells JGit who pushed, so that the reflog names the user. */
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
