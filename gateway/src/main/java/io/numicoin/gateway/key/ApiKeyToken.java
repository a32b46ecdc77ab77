package io.numicoin.gateway.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API key as the client holds it: {@code numi_<id>_<secret>}, a 12-hex-digit public id (in
 * logs, metrics and the key list) and a 256-bit secret (43 base64url characters). Only
 * SHA-256 over the id and the secret is stored: the secret is random, so a slow hash adds nothing.
 */
public record ApiKeyToken(String id, String secret) {

    private static final Pattern FORMAT = Pattern.compile("numi_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new random key. */
    public static ApiKeyToken generate() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new ApiKeyToken(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The key in {@code text}, or empty if it is not one (checked before any lookup). */
    public static Optional<ApiKeyToken> parse(String text) {
        if (text == null || text.length() > 80) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(text.strip());
        return m.matches() ? Optional.of(new ApiKeyToken(m.group(1), m.group(2))) : Optional.empty();
    }

    /** What is stored: SHA-256({@code numi-gateway-key/<id>/<secret>}). */
    public byte[] hash() {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("numi-gateway-key/" + id + "/" + secret).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this key's hash is {@code stored} (constant time). */
    public boolean matches(byte[] stored) {
        return MessageDigest.isEqual(hash(), stored);
    }

    /** The text given to the client, once. */
    public String text() {
        return "numi_" + id + "_" + secret;
    }

    @Override
    public String toString() {
        return "ApiKeyToken[" + id + "]";
    }
}
