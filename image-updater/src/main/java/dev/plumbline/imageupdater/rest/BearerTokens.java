package dev.plumbline.imageupdater.rest;

import dev.plumbline.imageupdater.config.PromoteTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Who may promote or export drift: a configured promote token, for the Applications it names. */
@ApplicationScoped
class BearerTokens {

    private static final String BEARER = "bearer ";

    @Inject
    PromoteTokens tokens;

    /** The name of the token that allows a request for {@code app}. */
    String actor(String authorization) {
        return grant(authorization).map(PromoteTokens.Grant::name).orElseThrow();
    }

    /** The refusal of a request for {@code app} (401 or 403, saying why); empty when its token allows it. */
    Optional<Response> refusal(String authorization, String app) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(ApiError.unauthorized(
                    "send a promote token as Authorization: Bearer <token> (plumbline.promote-tokens.<name>.token;"
                            + " plumb reads it from PLUMBLINE_PROMOTE_TOKEN)"));
        }
        Optional<PromoteTokens.Grant> grant = grant(authorization);
        if (grant.isEmpty()) {
            return Optional.of(ApiError.unauthorized("the bearer token is not a configured promote token"));
        }
        if (!grant.get().allows(app)) {
            return Optional.of(ApiError.of(
                    403,
                    "the promote token " + grant.get().name() + " may not act on app " + app
                            + "; add it to plumbline.promote-tokens."
                            + grant.get().name() + ".apps"));
        }
        return Optional.empty();
    }

    private Optional<PromoteTokens.Grant> grant(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()) {
            return Optional.empty();
        }
        return tokens.authenticate(authorization.substring(BEARER.length()).strip());
    }
}
