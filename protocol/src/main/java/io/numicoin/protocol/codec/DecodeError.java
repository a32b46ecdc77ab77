package io.numicoin.protocol.codec;

/** Why bytes could not be decoded. */
public enum DecodeError {
    /** The input ended before the value did. */
    TRUNCATED,
    /** The input had bytes after the value. */
    TRAILING_BYTES,
    /** A length, count or whole input is over its limit. */
    TOO_LARGE,
    /** A field holds a value outside its range (negative amount, unknown type tag, ...). */
    OUT_OF_RANGE,
    /** A value that has another, canonical, encoding (unsorted indices, non-minimal form, ...). */
    NON_CANONICAL
}
