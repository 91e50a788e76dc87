package dev.breakdown.webhook.error;

import dev.breakdown.contracts.Json;
import dev.breakdown.webhook.intake.DeliveryMetrics;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a Content-Type that is not one concrete media type (unparseable, or a wildcard such as {@code *}/{@code *})
 * with 415 before Spring MVC sees it: Spring fails on those with an exception outside its error handling (a 500).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ContentTypeGuard extends OncePerRequestFilter {
    private final DeliveryMetrics metrics;

    public ContentTypeGuard(DeliveryMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType == null || isConcrete(contentType)) {
            chain.doFilter(request, response);
            return;
        }
        metrics.refused(request, "rejected_unsupported_media_type");
        response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Json.mapper().writeValue(response.getOutputStream(), new ErrorBody("unsupported_media_type",
                "the Content-Type header is not a single concrete media type; send application/json or "
                        + "application/x-www-form-urlencoded"));
    }

    private static boolean isConcrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
