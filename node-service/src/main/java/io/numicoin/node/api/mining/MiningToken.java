package io.numicoin.node.api.mining;

import io.numicoin.support.http.BearerToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The secret a miner shows to submit blocks and proposals ({@code Authorization: Bearer <token>}):
 * from {@code numi.api.mining-token} or the first line of {@code numi.api.mining-token-file}.
 * Absent: nobody may mine through this node's API.
 */
public final class MiningToken {

    private final byte[] secret;

    private MiningToken(byte[] secret) {
        this.secret = secret;
    }

    /** The configured token; empty when neither setting is given. */
    public static Optional<MiningToken> of(String token, Path file) {
        return BearerToken.resolve(token, file, "numi.api.mining-token")
                .map(value -> new MiningToken(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code presented} is the token (constant time). */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }
}
