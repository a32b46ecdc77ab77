package io.numicoin.protocol.codec;

/**
 * The one exception a decoder throws for malformed input: truncated, oversized, trailing bytes,
 * a value out of range or in a non-canonical form. Checked, so callers cannot forget it.
 */
public final class DecodeException extends Exception {

    private final DecodeError error;

    public DecodeException(DecodeError error, String detail) {
        super(error + ": " + detail);
        this.error = error;
    }

    public DecodeError error() {
        return error;
    }
}
