package dev.breakdown.webhook.intake;

import dev.breakdown.webhook.WebhookProperties;
import dev.breakdown.webhook.error.WebhookException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads the request body as the sender's exact bytes, which the signature covers. Read from the servlet stream
 * rather than through Spring's converters: those rebuild form bodies from parsed parameters.
 */
@Component
public class RawBodyReader {
    private final long maxBytes;

    public RawBodyReader(WebhookProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    public byte[] read(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge(request.getContentLengthLong());
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(-1);
            }
            return body;
        } catch (IOException e) {
            throw WebhookException.badRequest("unreadable_body",
                    "the request body could not be read completely (" + e.getClass().getSimpleName() + ")");
        }
    }

    private WebhookException tooLarge(long length) {
        String size = length < 0 ? "the body" : "the body (" + length + " bytes)";
        return WebhookException.rejected(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
                size + " is larger than the limit of " + maxBytes
                        + " bytes (breakdown.webhook.max-body-size, WEBHOOK_MAX_BODY_SIZE)");
    }
}
