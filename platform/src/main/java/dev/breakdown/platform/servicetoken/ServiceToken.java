package dev.breakdown.platform.servicetoken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * BREAKDOWN_SERVICE_TOKEN: the bearer token our services send to, and agent and calendar require on, their internal
 * APIs. Unset means open APIs (a trusted network). The value never appears in {@link #toString()} or a message.
 */
public final class ServiceToken {

    public static final String VARIABLE = "BREAKDOWN_SERVICE_TOKEN";
    static final int MINIMUM_LENGTH = 16;
    private static final String BEARER = "Bearer ";

    private final String value;

    private ServiceToken(String value) {
        this.value = value;
    }

    /** The token from the variable's value; blank means none. A short or non-printable value stops the start. */
    public static ServiceToken of(String raw) {
        if (raw == null || raw.isBlank()) {
            return new ServiceToken(null);
        }
        String token = raw.strip();
        if (token.length() < MINIMUM_LENGTH) {
            throw new InvalidServiceTokenException(VARIABLE + " has " + token.length() + " characters; use at least "
                    + MINIMUM_LENGTH + " random ones (e.g. `openssl rand -hex 24`), the same in every service");
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidServiceTokenException(VARIABLE + " contains spaces or characters outside printable ASCII,"
                    + " which an Authorization header cannot carry; use e.g. `openssl rand -hex 24`");
        }
        return new ServiceToken(token);
    }

    public boolean isSet() {
        return value != null;
    }

    /** Whether an Authorization header carries this token; compared in constant time so timing reveals nothing. */
    public boolean admits(String authorization) {
        if (value == null) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The builder, sending the token on every request when one is set; only for clients of our own services. */
    public RestClient.Builder applyTo(RestClient.Builder builder) {
        if (value != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, BEARER + value);
        }
        return builder;
    }

    public Optional<String> authorizationHeader() {
        return Optional.ofNullable(value).map(token -> BEARER + token);
    }

    @Override
    public String toString() {
        return value == null ? "ServiceToken[unset]" : "ServiceToken[set]";
    }
}
