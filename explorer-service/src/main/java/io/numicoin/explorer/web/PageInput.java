package io.numicoin.explorer.web;

import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressDecodeException;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.hash.Hash256;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses what a page's path or query names, refusing malformed input with {@link BadPageRequestException}. */
final class PageInput {

    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_ADDRESS_CHARS = 128;

    private PageInput() {
    }

    static Hash256 hash(String what, String text) {
        if (text == null || !HASH.matcher(text).matches()) {
            throw new BadPageRequestException(what + " must be 64 hexadecimal digits");
        }
        return Hash256.fromHex(text.toLowerCase(Locale.ROOT));
    }

    static Address address(String text, AddressHrp hrp) {
        if (text == null || text.length() > MAX_ADDRESS_CHARS) {
            throw new BadPageRequestException("not an address of this network");
        }
        try {
            return AddressFormat.decode(text, hrp);
        } catch (AddressDecodeException e) {
            throw new BadPageRequestException("not an address of this network: " + e.getMessage());
        }
    }

    /** A non-negative number below {@code max}, or {@code fallback} when absent. */
    static long bounded(String what, Long value, long fallback, long max) {
        if (value == null) {
            return fallback;
        }
        if (value < 0 || value > max) {
            throw new BadPageRequestException(what + " must be within 0.." + max);
        }
        return value;
    }
}
