package io.numicoin.support.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A shared secret sent as {@code Authorization: Bearer <token>} (the node's mining token), set either
 * as a value or, better (it stays out of the process list and the environment), as a file whose
 * first line is the token. Both sides (node and miner) read it the same way.
 */
public final class BearerToken {

    /** Tokens shorter than this are refused: a guessable token is no protection. */
    public static final int MIN_LENGTH = 16;

    private BearerToken() {
    }

    /**
     * The token from {@code value} or {@code file} (empty when neither is set); {@code setting} names
     * them in errors. Both at once, an empty file or a short token are configuration errors.
     */
    public static Optional<String> resolve(String value, Path file, String setting) {
        boolean inline = value != null && !value.isBlank();
        if (inline && file != null) {
            throw new IllegalStateException("set " + setting + " or " + setting + "-file, not both");
        }
        String token = inline ? value.strip() : file == null ? null : read(file, setting);
        if (token == null) {
            return Optional.empty();
        }
        if (token.length() < MIN_LENGTH) {
            throw new IllegalStateException(setting + " must have at least " + MIN_LENGTH + " characters");
        }
        return Optional.of(token);
    }

    private static String read(Path file, String setting) {
        try {
            String line = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            if (line.isEmpty()) {
                throw new IllegalStateException(setting + "-file " + file + " is empty");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + setting + "-file " + file, e);
        }
    }
}
