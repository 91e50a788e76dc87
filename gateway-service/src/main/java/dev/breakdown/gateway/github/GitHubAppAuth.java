package dev.breakdown.gateway.github;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.breakdown.gateway.action.ActionFailedException;
import dev.breakdown.gateway.writeback.TrackerHttp;
import dev.breakdown.gateway.writeback.TrackerRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * GitHub App authentication: a JWT signed RS256 with the App's private key (issuer = App id, valid 9 minutes,
 * issued 60 s in the past against clock drift, as GitHub advises) finds the installation of a repository
 * ({@code GET /repos/{owner}/{repo}/installation}) and gets an installation token
 * ({@code POST /app/installations/{id}/access_tokens}). Installations and tokens are cached; a token is renewed
 * {@link #RENEW_BEFORE} before it expires (GitHub gives them an hour).
 */
public final class GitHubAppAuth implements GitHubAuth {

    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
    private static final Duration JWT_LIFETIME = Duration.ofMinutes(9);
    private static final Duration JWT_BACKDATE = Duration.ofSeconds(60);

    private final String appId;
    private final RSASSASigner signer;
    private final TrackerHttp http;
    private final URI api;
    private final Clock clock;
    private final Map<String, Long> installations = new ConcurrentHashMap<>();
    private final Map<Long, Token> tokens = new ConcurrentHashMap<>();

    public GitHubAppAuth(String appId, PrivateKey key, TrackerHttp http, URI api, Clock clock) {
        this.appId = appId;
        this.signer = new RSASSASigner(key);
        this.http = http;
        this.api = api;
        this.clock = clock;
    }

    /** Reads the PEM (PKCS#1 "RSA PRIVATE KEY" as GitHub issues it, or PKCS#8); a bad file stops the start. */
    public static PrivateKey readKey(String path) {
        try {
            PrivateKey key = PemContent.load(Path.of(path)).getPrivateKey();
            if (key == null || !"RSA".equals(key.getAlgorithm())) {
                throw new IllegalStateException("GITHUB_APP_PRIVATE_KEY (" + path + ") holds no RSA private key: "
                        + "use the .pem file GitHub generated in the App's settings");
            }
            return key;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalStateException known && known.getMessage().startsWith("GITHUB_APP_PRIVATE_KEY")) {
                throw known;
            }
            throw new IllegalStateException("GITHUB_APP_PRIVATE_KEY (" + path + ") could not be read as a PEM private "
                    + "key: " + e.getMessage(), e);
        }
    }

    @Override
    public String authorization(String repo) {
        long installation = installations.computeIfAbsent(repo, this::installationOf);
        Instant now = clock.instant();
        try {
            Token token = tokens.compute(installation, (id, cached) ->
                    cached != null && now.isBefore(cached.expiresAt().minus(RENEW_BEFORE)) ? cached : newToken(id));
            return "Bearer " + token.value();
        } catch (ActionFailedException e) {
            // The App may have been reinstalled (a new installation id): look the repository up again next time.
            installations.remove(repo);
            throw e;
        }
    }

    /** The App's own JWT, for the /app endpoints. */
    String jwt() {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(appId)
                .issueTime(Date.from(now.minus(JWT_BACKDATE)))
                .expirationTime(Date.from(now.plus(JWT_LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign the GitHub App JWT: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    private long installationOf(String repo) {
        JsonNode answer = http.send(TrackerRequest.get(URI.create(api + "/repos/" + repo + "/installation")),
                "Bearer " + jwt()).body();
        if (!answer.path("id").canConvertToLong()) {
            throw new ActionFailedException("github answered GET /repos/" + repo + "/installation without an id", null);
        }
        return answer.get("id").asLong();
    }

    private Token newToken(long installation) {
        JsonNode answer = http.send(TrackerRequest.of(HttpMethod.POST,
                URI.create(api + "/app/installations/" + installation + "/access_tokens"), null), "Bearer " + jwt()).body();
        String value = answer.path("token").asString("");
        String expires = answer.path("expires_at").asString("");
        if (value.isEmpty() || expires.isEmpty()) {
            throw new ActionFailedException("github answered POST /app/installations/" + installation
                    + "/access_tokens without token and expires_at", null);
        }
        return new Token(value, Instant.parse(expires));
    }

    /** An installation token; never logged (toString hides it). */
    private record Token(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }
}
