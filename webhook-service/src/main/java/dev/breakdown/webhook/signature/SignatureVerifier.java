package dev.breakdown.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code sha256=<hex>} signatures (GitHub's X-Hub-Signature-256, Jira's X-Hub-Signature): an HMAC-SHA256
 * of the raw request bytes, compared in constant time against every configured secret.
 */
public final class SignatureVerifier {
    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    // Configured secrets are few; the bound keeps callers that sign with many ad-hoc secrets from growing the cache.
    private static final int MAX_CACHED_SECRETS = 16;
    private static final Map<String, Queue<Mac>> MACS = new ConcurrentHashMap<>();

    private SignatureVerifier() {
    }

    /** True when the header is a sha256 signature of the body under one of the secrets. */
    public static boolean matches(String header, byte[] body, List<String> secrets) {
        byte[] claimed = decode(header);
        if (claimed == null) {
            return false;
        }
        boolean matched = false;
        for (String secret : secrets) {
            // No early exit: the time taken does not tell which secret (if any) matched.
            matched |= MessageDigest.isEqual(hmacPooled(secret, body), claimed);
        }
        return matched;
    }

    /** The header value GitHub would send for this body and secret. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
    }

    /** Compares two tokens in constant time, whatever their lengths. */
    public static boolean tokensEqual(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(expected), sha256(given));
    }

    static byte[] hmac(String secret, byte[] body) {
        return newMac(secret).doFinal(body);
    }

    // Initialized Macs per secret, reused (doFinal resets them): getInstance + init per request was a provider lookup
    // and a key schedule on every delivery. A pool rather than a ThreadLocal: with virtual threads, a thread is a request.
    private static byte[] hmacPooled(String secret, byte[] body) {
        Queue<Mac> pool = MACS.get(secret);
        if (pool == null) {
            if (MACS.size() >= MAX_CACHED_SECRETS) {
                return hmac(secret, body);
            }
            pool = MACS.computeIfAbsent(secret, s -> new ConcurrentLinkedQueue<>());
        }
        Mac mac = pool.poll();
        if (mac == null) {
            mac = newMac(secret);
        }
        byte[] result = mac.doFinal(body);
        pool.offer(mac);
        return result;
    }

    private static Mac newMac(String secret) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static byte[] decode(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (!value.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            return null;
        }
        String hex = value.substring(PREFIX.length());
        if (hex.length() != 64) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
