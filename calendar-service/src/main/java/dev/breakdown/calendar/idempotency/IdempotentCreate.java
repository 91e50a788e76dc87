package dev.breakdown.calendar.idempotency;

import dev.breakdown.contracts.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Creates an entity at most once per Idempotency-Key. The key column is UNIQUE, so the database,
 * not this class, is what keeps two racing requests from both creating a row.
 */
public final class IdempotentCreate {

    private static final Logger log = LoggerFactory.getLogger(IdempotentCreate.class);

    private IdempotentCreate() {
    }

    /**
     * @param kind        "meeting" or "nudge", for error messages
     * @param key         the Idempotency-Key, if the caller sent one
     * @param fingerprint {@link #fingerprint} of the normalized request
     * @param findByKey   looks up the row stored for a key
     * @param idOf        the id of an entity, for error messages
     * @param insert      stores a new entity (with key and fingerprint) and returns it
     */
    public static <T> Creation<T> create(String kind, Optional<String> key, String fingerprint,
                                         Function<String, Optional<Stored<T>>> findByKey, Function<T, String> idOf,
                                         Supplier<T> insert) {
        if (key.isEmpty()) {
            return new Creation<>(insert.get(), false);
        }
        Optional<Stored<T>> existing = findByKey.apply(key.get());
        if (existing.isPresent()) {
            return replay(kind, key.get(), fingerprint, existing.get(), idOf);
        }
        try {
            return new Creation<>(insert.get(), false);
        } catch (DataIntegrityViolationException lostRace) {
            // Another request with the same key inserted between our lookup and our insert: answer with its row.
            Stored<T> winner = findByKey.apply(key.get()).orElseThrow(() -> lostRace);
            log.debug("Concurrent {} request with Idempotency-Key {} lost the race; answering with the stored one", kind,
                    key.get());
            return replay(kind, key.get(), fingerprint, winner, idOf);
        }
    }

    private static <T> Creation<T> replay(String kind, String key, String fingerprint, Stored<T> stored,
                                          Function<T, String> idOf) {
        if (!fingerprint.equals(stored.fingerprint())) {
            throw new IdempotencyConflictException(kind, key, idOf.apply(stored.entity()));
        }
        return new Creation<>(stored.entity(), true);
    }

    /** A SHA-256 of the normalized request fields, to tell a retry from a different request. */
    public static String fingerprint(List<?> fields) {
        try {
            byte[] json = Json.mapper().writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
