package io.numicoin.node.api.body;

import io.numicoin.node.api.dto.HexBody;
import io.numicoin.node.api.error.ApiException;
import io.numicoin.node.api.error.Problems;
import java.util.HexFormat;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a submitted object's bytes from a request, refusing an oversized body before reading it
 * all: a declared {@code Content-Length} over the cap is refused unread, and a streamed body stops
 * being read at the first byte over the cap. Accepts {@code application/octet-stream} (the raw
 * bytes, capped at {@code maxBytes} + 1 KiB) and {@code application/json} {@code {"hex": "..."}}
 * (capped at twice that, since hex doubles the size).
 */
public final class BoundedBodyReader {

    /** Room for the JSON envelope, whitespace and a few stray bytes. */
    public static final int OVERHEAD = 1024;

    private final JsonMapper json;

    public BoundedBodyReader(JsonMapper json) {
        this.json = json;
    }

    /**
     * The submitted bytes.
     *
     * @param what names the object in problem details, e.g. "transaction"
     * @param maxBytes the object's own size limit
     */
    public Mono<byte[]> read(ServerHttpRequest request, String what, int maxBytes) {
        MediaType type = request.getHeaders().getContentType();
        if (type != null && MediaType.APPLICATION_OCTET_STREAM.isCompatibleWith(type)) {
            return readCapped(request, what, maxBytes + OVERHEAD);
        }
        if (type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
            return readCapped(request, what, 2 * maxBytes + OVERHEAD).map(bytes -> fromJson(what, bytes));
        }
        return Mono.error(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.UNSUPPORTED_MEDIA_TYPE,
                "send the " + what + " as application/json {\"hex\": \"...\"} or as application/octet-stream, not "
                        + (type == null ? "no Content-Type" : type.toString())));
    }

    private Mono<byte[]> readCapped(ServerHttpRequest request, String what, int cap) {
        long declared = request.getHeaders().getContentLength();
        if (declared > cap) {
            return Mono.error(Problems.tooLarge(what + " request body of " + declared + " bytes is over the limit of " + cap));
        }
        return DataBufferUtils.join(request.getBody(), cap)
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class,
                        e -> Problems.tooLarge(what + " request body is over the limit of " + cap + " bytes"));
    }

    private byte[] fromJson(String what, byte[] bytes) {
        HexBody body;
        try {
            body = json.readValue(bytes, HexBody.class);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, Problems.MALFORMED_JSON,
                    "expected {\"hex\": \"...\"}: " + e.getOriginalMessage());
        }
        if (body == null || body.hex() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, Problems.MALFORMED_JSON, "the member \"hex\" is missing");
        }
        return hex(what, body.hex().strip());
    }

    /** Lower- or upper-case hex, even length, no prefix. */
    public static byte[] hex(String what, String text) {
        if ((text.length() & 1) != 0) {
            throw Problems.malformedHex(what + " hex has an odd number of digits (" + text.length() + ")");
        }
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw Problems.malformedHex(what + " hex has a character that is not a hex digit");
        }
    }
}
