package io.numicoin.testkit.postgres;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names for test databases, unique across parallel test JVMs on one server:
 * {@code numitest_<prefix>_<created, epoch seconds base 36>_<pid base 36>_<sequence>_<random>}.
 * The creation time in the name lets a later run drop what a crashed JVM left behind.
 */
final class DatabaseNames {

    static final String MARKER = "numitest_";
    private static final int MAX_PREFIX = 20;
    private static final int MAX_IDENTIFIER = 63;

    private final AtomicLong sequence = new AtomicLong();
    private final String pid = Long.toString(ProcessHandle.current().pid(), 36);
    private final SecureRandom random = new SecureRandom();

    /** A new name starting with a cleaned-up {@code prefix} (lower case letters, digits, '_'). */
    String next(String prefix, Instant now) {
        String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (cleaned.length() > MAX_PREFIX) {
            cleaned = cleaned.substring(0, MAX_PREFIX);
        }
        String name = MARKER + cleaned + "_" + Long.toString(now.getEpochSecond(), 36) + "_" + pid
                + "_" + sequence.incrementAndGet() + "_" + Integer.toString(random.nextInt(36 * 36 * 36), 36);
        if (name.length() > MAX_IDENTIFIER) {
            throw new IllegalStateException("database name too long: " + name);
        }
        return name;
    }

    /** When the database named {@code name} was created, if it is one of ours. */
    static Optional<Instant> createdAt(String name) {
        if (!name.startsWith(MARKER)) {
            return Optional.empty();
        }
        String[] parts = name.split("_");
        if (parts.length < 5) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(parts[parts.length - 4], 36)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code name} is one of ours and older than {@code maxAge}. */
    static boolean isStale(String name, Instant now, Duration maxAge) {
        return createdAt(name).map(created -> created.plus(maxAge).isBefore(now)).orElse(false);
    }
}
