package dev.breakdown.platform.servicetoken;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request to a protected path without the service token: 401, {@code WWW-Authenticate: Bearer} and an
 * RFC 9457 problem saying what to send. Answered here, not by exception handlers, so every service words it alike.
 */
class ServiceTokenInterceptor implements HandlerInterceptor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceToken token;

    ServiceTokenInterceptor(ServiceToken token) {
        this.token = token;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (token.admits(authorization)) {
            return true;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.UNAUTHORIZED.getReasonPhrase());
        problem.put("status", HttpStatus.UNAUTHORIZED.value());
        problem.put("detail", authorization == null
                ? "This internal API needs the service token: send 'Authorization: Bearer <token>' with the value of "
                        + ServiceToken.VARIABLE + " that this service was started with."
                : "The bearer token does not match this service's " + ServiceToken.VARIABLE
                        + "; every Breakdown service must be started with the same value.");
        problem.put("instance", request.getRequestURI());
        problem.put("error", "service_token");
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"breakdown\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(problem));
        return false;
    }
}
