package dev.breakdown.chatweb.chatkit;

import java.time.Instant;

/** A thread's metadata as stored; its owner is checked by the store and never answered. */
public record StoredThread(String id, String title, Instant createdAt) {
}
