package io.numicoin.gateway.submit;

import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transaction bytes of a submission: the raw body ({@code application/octet-stream}) or the
 * {@code hex} member of {@code {"hex": "…"}} ({@code application/json}), at most
 * {@link #MAX_TRANSACTION_BYTES} (the protocol's limit; the mempool checks the bytes themselves).
 */
final class SubmittedBody {

    /** The protocol's transaction limit (64 KiB). */
    static final int MAX_TRANSACTION_BYTES = 64 * 1024;

    private SubmittedBody() {
    }

    /** The bytes, or an {@link IllegalArgumentException} saying what is wrong with the body. */
    static byte[] decode(boolean json, byte[] body, JsonMapper mapper) {
        byte[] bytes = json ? fromJson(body, mapper) : body;
        if (bytes.length == 0) {
            throw new IllegalArgumentException("the body holds no transaction");
        }
        if (bytes.length > MAX_TRANSACTION_BYTES) {
            throw new IllegalArgumentException("the transaction has " + bytes.length + " bytes, at most " + MAX_TRANSACTION_BYTES);
        }
        return bytes;
    }

    private static byte[] fromJson(byte[] body, JsonMapper mapper) {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        JsonNode hex = node == null ? null : node.get("hex");
        if (hex == null || !hex.isString() || node.size() != 1) {
            throw new IllegalArgumentException("the body must be {\"hex\": \"…\"}");
        }
        String text = hex.asString().strip();
        if (text.length() > 2 * MAX_TRANSACTION_BYTES) {
            throw new IllegalArgumentException("the transaction is longer than " + MAX_TRANSACTION_BYTES + " bytes");
        }
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("hex: " + e.getMessage());
        }
    }
}
