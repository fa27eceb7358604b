package dev.plumbline.imageupdater.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One registry request with what every request needs: the scheme (HTTPS, plain HTTP only where allowed), basic or
 * bearer-token auth per the registry's challenge, redirects that never carry credentials to another host, a timeout,
 * and a cap on the bytes read, so that a hostile or broken registry cannot exhaust memory.
 */
final class RegistryHttp {

    record Response(URI uri, HttpHeaders headers, byte[] body) {}

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_TOKEN_BYTES = 64 * 1024;
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(60);

    private record Token(String value, Instant expires) {}

    private final HttpClient client;
    private final Duration timeout;
    private final Function<String, RegistryCredentials> credentials;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Set<String> basicHosts = ConcurrentHashMap.newKeySet();

    RegistryHttp(HttpClient client, Duration timeout, Function<String, RegistryCredentials> credentials, Clock clock) {
        this.client = client;
        this.timeout = timeout;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The API's base, {@code https://host[:port]}, or {@code http://} for loopback and plain-HTTP registries. */
    URI base(ImageRepository repository) {
        boolean plain =
                credentials.apply(repository.registry()).plainHttp() || LOOPBACK.contains(repository.hostName());
        return URI.create((plain ? "http://" : "https://") + repository.apiHost());
    }

    /** GETs {@code uri} (on the repository's registry) and returns a 200 answer of at most {@code maxBytes}. */
    Response get(ImageRepository repository, URI uri, String accept, int maxBytes, String what) {
        RegistryCredentials login = credentials.apply(repository.registry());
        String scope = "repository:" + repository.path() + ":pull";
        HttpResponse<InputStream> response =
                send(repository, uri, accept, authorization(repository, login, scope), what);
        if (response.statusCode() == 401) {
            String challengeHeader =
                    response.headers().firstValue("WWW-Authenticate").orElse(null);
            close(response);
            BearerChallenge challenge = BearerChallenge.parse(challengeHeader)
                    .orElseThrow(() -> RegistryErrors.refused(
                            repository,
                            401,
                            what,
                            "it asked for credentials without saying how (no WWW-Authenticate header)"));
            if (challenge.bearer()) {
                String tokenScope = challenge.scope() != null ? challenge.scope() : scope;
                tokens.put(tokenKey(repository, scope), fetchToken(repository, login, challenge, tokenScope));
            } else if (challenge.basic() && login.hasLogin()) {
                basicHosts.add(repository.apiHost());
            } else {
                throw RegistryErrors.refused(repository, 401, what, "it asks for credentials");
            }
            response = send(repository, uri, accept, authorization(repository, login, scope), what);
        }
        return read(repository, response, maxBytes, what);
    }

    private Response read(ImageRepository repository, HttpResponse<InputStream> response, int maxBytes, String what) {
        int status = response.statusCode();
        if (status != 200) {
            close(response);
            throw RegistryErrors.status(
                    repository,
                    status,
                    what,
                    credentials.apply(repository.registry()).hasLogin());
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            close(response);
            throw RegistryErrors.tooLarge(repository, what, maxBytes);
        }
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw RegistryErrors.tooLarge(repository, what, maxBytes);
            }
            return new Response(response.uri(), response.headers(), bytes);
        } catch (IOException e) {
            throw RegistryErrors.io(repository, what, e, timeout);
        }
    }

    private HttpResponse<InputStream> send(
            ImageRepository repository, URI uri, String accept, String authorization, String what) {
        URI target = uri;
        for (int redirects = 0; ; redirects++) {
            boolean sameHost = target.getAuthority().equalsIgnoreCase(repository.apiHost());
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(target).timeout(timeout).GET();
            if (accept != null) {
                request.header("Accept", accept);
            }
            if (authorization != null && sameHost) {
                request.header("Authorization", authorization);
            }
            HttpResponse<InputStream> response = exchange(repository, request.build(), what);
            int status = response.statusCode();
            if (status < 300 || status >= 400 || status == 304) {
                return response;
            }
            String location = response.headers().firstValue("Location").orElse(null);
            close(response);
            if (location == null || redirects == MAX_REDIRECTS) {
                throw RegistryErrors.refused(
                        repository,
                        status,
                        what,
                        location == null
                                ? "it redirected without a Location"
                                : "it redirected more than " + MAX_REDIRECTS + " times");
            }
            URI next = target.resolve(location);
            if (!"https".equals(next.getScheme())
                    && !next.getScheme().equals(base(repository).getScheme())) {
                throw RegistryErrors.refused(
                        repository, status, what, "it redirected to " + next.getScheme() + ", not HTTPS");
            }
            target = next;
        }
    }

    private HttpResponse<InputStream> exchange(ImageRepository repository, HttpRequest request, String what) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(
                    RegistryErrors.prefix(repository) + "interrupted while reading " + what, true, e);
        } catch (IOException e) {
            throw RegistryErrors.io(repository, what, e, timeout);
        }
    }

    private String authorization(ImageRepository repository, RegistryCredentials login, String scope) {
        Token token = tokens.get(tokenKey(repository, scope));
        if (token != null && token.expires().isAfter(clock.instant())) {
            return "Bearer " + token.value();
        }
        if (login.hasLogin() && basicHosts.contains(repository.apiHost())) {
            return basic(login);
        }
        return null;
    }

    private Token fetchToken(
            ImageRepository repository, RegistryCredentials login, BearerChallenge challenge, String scope) {
        String what = "a token from its auth server";
        if (challenge.realm() == null || challenge.realm().isBlank()) {
            throw RegistryErrors.refused(repository, 401, what, "its Bearer challenge names no realm");
        }
        URI realm;
        try {
            realm = URI.create(challenge.realm());
        } catch (IllegalArgumentException e) {
            throw RegistryErrors.refused(
                    repository, 401, what, "its token realm '" + challenge.realm() + "' is no URL");
        }
        boolean plainAllowed = base(repository).getScheme().equals("http");
        if (!"https".equals(realm.getScheme()) && !(plainAllowed && "http".equals(realm.getScheme()))) {
            throw RegistryErrors.refused(
                    repository,
                    401,
                    what,
                    "its token realm " + realm + " is not HTTPS, and credentials are never sent in the clear");
        }
        StringBuilder query = new StringBuilder();
        if (challenge.service() != null) {
            query.append("service=")
                    .append(URLEncoder.encode(challenge.service(), StandardCharsets.UTF_8))
                    .append('&');
        }
        query.append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        URI uri = URI.create(realm + (realm.getRawQuery() == null ? "?" : "&") + query);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (login.hasLogin()) {
            request.header("Authorization", basic(login));
        }
        HttpResponse<InputStream> response = exchange(repository, request.build(), what);
        if (response.statusCode() != 200) {
            close(response);
            throw RegistryErrors.status(repository, response.statusCode(), what, login.hasLogin());
        }
        JsonNode answer = RegistryJson.parse(
                repository, read(repository, response, MAX_TOKEN_BYTES, what).body(), what);
        String token = answer.path("token").asText(answer.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw RegistryErrors.malformed(repository, what, "it holds no token");
        }
        long seconds = answer.path("expires_in").asLong(DEFAULT_TOKEN_LIFETIME.toSeconds());
        Duration lifetime = Duration.ofSeconds(Math.max(seconds, DEFAULT_TOKEN_LIFETIME.toSeconds()))
                .minusSeconds(10);
        return new Token(token, clock.instant().plus(lifetime));
    }

    private static String tokenKey(ImageRepository repository, String scope) {
        return repository.apiHost() + " " + scope;
    }

    private static String basic(RegistryCredentials login) {
        String pair = login.username() + ":" + login.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the answer is not read; a failure to release it changes nothing for the caller
        }
    }

    static boolean connectRefused(IOException e) {
        return e instanceof ConnectException || e.getCause() instanceof ConnectException;
    }

    static boolean timedOut(IOException e) {
        return e instanceof HttpTimeoutException;
    }
}
