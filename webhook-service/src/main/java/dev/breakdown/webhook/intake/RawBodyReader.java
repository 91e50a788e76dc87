package dev.breakdown.webhook.intake;

import dev.breakdown.webhook.WebhookProperties;
import dev.breakdown.webhook.error.WebhookException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads the request body as the sender's exact bytes, which the signature covers. Read from the servlet stream
 * rather than through Spring's converters: those rebuild form bodies from parsed parameters. Every byte held is
 * first reserved from the {@link BodyBudget}.
 */
@Component
public class RawBodyReader {
    // Bodies without a Content-Length (chunked) are reserved this much at a time as they arrive.
    static final int STEP = 64 * 1024;

    private final long maxBytes;
    private final BodyBudget budget;

    public RawBodyReader(WebhookProperties properties, BodyBudget budget) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.budget = budget;
    }

    public byte[] read(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared);
        }
        if (declared >= 0) {
            budget.reserve(request, declared);
        }
        try (InputStream in = request.getInputStream()) {
            return declared >= 0 ? readDeclared(in, (int) declared) : readChunked(request, in);
        } catch (IOException e) {
            throw WebhookException.badRequest("unreadable_body",
                    "the request body could not be read completely (" + e.getClass().getSimpleName() + ")");
        }
    }

    // One array of exactly the declared (and reserved) size; Tomcat stops the stream at Content-Length.
    private static byte[] readDeclared(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        return read == length ? body : Arrays.copyOf(body, read);
    }

    private byte[] readChunked(HttpServletRequest request, InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] step = new byte[STEP];
        int read;
        do {
            budget.reserve(request, STEP);
            read = in.readNBytes(step, 0, STEP);
            body.write(step, 0, read);
            if (body.size() > maxBytes) {
                throw tooLarge(-1);
            }
        } while (read == STEP);
        return body.toByteArray();
    }

    private WebhookException tooLarge(long length) {
        String size = length < 0 ? "the body" : "the body (" + length + " bytes)";
        return WebhookException.rejected(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
                size + " is larger than the limit of " + maxBytes
                        + " bytes (breakdown.webhook.max-body-size, WEBHOOK_MAX_BODY_SIZE)");
    }
}
