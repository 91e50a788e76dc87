package dev.breakdown.chatweb.assistant;

import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeoutException;

/** What a person can do about a failed model call, in one sentence or two; never the key, never a stack trace. */
final class ModelErrors {

    private ModelErrors() {
    }

    static String describe(Throwable failure, AssistantProperties properties) {
        String where = " (OPENAI_BASE_URL=" + properties.baseUrl() + ", CHAT_MODEL=" + properties.model() + ")";
        for (Throwable e = failure; e != null; e = e.getCause()) {
            // Our own wait (TimeoutException) or the HTTP client's (InterruptedIOException, under OpenAIIoException).
            if (e instanceof TimeoutException || e instanceof InterruptedIOException) {
                return "The model did not answer within " + properties.timeout().toSeconds() + " s" + where
                        + ". Try again; if this keeps happening, raise CHAT_MODEL_TIMEOUT or use a faster model.";
            }
        }
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof RateLimitException) {
                return "The model's rate limit or quota was reached" + where
                        + ". Wait a minute and try again, or check the account's usage limits.";
            }
            if (e instanceof UnauthorizedException || e instanceof PermissionDeniedException) {
                return "The model server refused the API key" + where + ". Check OPENAI_API_KEY.";
            }
            if (e instanceof NotFoundException) {
                return "The model server does not know this model or path" + where
                        + ". Check CHAT_MODEL, and that OPENAI_BASE_URL ends in /v1.";
            }
            if (e instanceof OpenAIServiceException service) {
                return "The model server answered with an error (HTTP " + service.statusCode() + ")" + where
                        + ". Try again in a moment.";
            }
            if (e instanceof OpenAIIoException) {
                return "The model server could not be reached" + where
                        + ". Check OPENAI_BASE_URL and that the server is running, then try again.";
            }
        }
        return "The model call failed (" + failure.getClass().getSimpleName() + ")" + where + ". Try again.";
    }
}
