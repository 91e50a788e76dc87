package dev.breakdown.chatweb.user;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Who is chatting: the id in the {@code chatkit_session_id} cookie, the original front end's contract, so a user
 * keeps their id (and their threads) across the session proxy, the telemetry and the ChatKit server.
 */
@Component
public class ChatUsers {
    public static final String COOKIE = "chatkit_session_id";
    private static final Duration MAX_AGE = Duration.ofDays(30);
    private static final int MAX_ID_LENGTH = 128;

    /** The cookie's user id, or a new random one that is set as the cookie on {@code response}. */
    public String userId(HttpServletRequest request, HttpServletResponse response) {
        return existing(request).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(id, isSecure(request)).toString());
            return id;
        });
    }

    /** The cookie's user id when the browser sent a usable one. */
    public Optional<String> existing(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            String value = cookie.getValue();
            if (COOKIE.equals(cookie.getName()) && value != null && !value.isBlank() && value.length() <= MAX_ID_LENGTH) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    static ResponseCookie cookie(String id, boolean secure) {
        return ResponseCookie.from(COOKIE, id)
                .path("/")
                .maxAge(MAX_AGE)
                .httpOnly(true)
                .sameSite("Lax")
                .secure(secure)
                .build();
    }

    // Behind a TLS-terminating proxy the request itself is plain HTTP; the proxy says the truth in X-Forwarded-Proto.
    static boolean isSecure(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-Proto");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim().equalsIgnoreCase("https");
        }
        return request.isSecure();
    }
}
