package io.numicoin.node.api.mining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The secret a miner shows to submit blocks and proposals ({@code Authorization: Bearer <token>}):
 * from {@code numi.api.mining-token} or, better (it stays out of the process list and the
 * environment), the first line of {@code numi.api.mining-token-file}. Absent: nobody may mine
 * through this node's public port.
 */
public final class MiningToken {

    private final byte[] secret;

    private MiningToken(byte[] secret) {
        this.secret = secret;
    }

    /** The configured token; empty when neither setting is given. Both at once is a mistake. */
    public static Optional<MiningToken> of(String token, Path file) {
        boolean inline = token != null && !token.isBlank();
        if (inline && file != null) {
            throw new IllegalStateException("set numi.api.mining-token or numi.api.mining-token-file, not both");
        }
        String value = inline ? token.strip() : file == null ? null : read(file);
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() < 16) {
            throw new IllegalStateException("the mining token must have at least 16 characters");
        }
        return Optional.of(new MiningToken(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code presented} is the token (constant time). */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(Path file) {
        try {
            String line = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            if (line.isEmpty()) {
                throw new IllegalStateException("the mining token file " + file + " is empty");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mining token file " + file, e);
        }
    }
}
