package io.numicoin.node.api;

import io.numicoin.node.api.error.Problems;
import io.numicoin.protocol.address.Address;
import io.numicoin.protocol.address.AddressDecodeException;
import io.numicoin.protocol.address.AddressFormat;
import io.numicoin.protocol.address.AddressHrp;
import io.numicoin.protocol.hash.Hash256;
import java.util.HexFormat;

/** Parses path and query parameters, refusing bad ones with the rule they break. */
public final class ApiParams {

    private ApiParams() {
    }

    /** A block id or txid: exactly 64 hex digits (either case). */
    public static Hash256 hash(String what, String text) {
        if (text.length() != 2 * Hash256.SIZE || !isHex(text)) {
            throw Problems.malformedHash(what, text);
        }
        return Hash256.of(HexFormat.of().parseHex(text));
    }

    /** A bech32m address of this network. */
    public static Address address(String text, AddressHrp hrp) {
        try {
            return AddressFormat.decode(text, hrp);
        } catch (AddressDecodeException e) {
            throw Problems.address(text, e);
        }
    }

    public static long nonNegative(String name, long value) {
        if (value < 0) {
            throw Problems.invalidParameter(name + " must not be negative, got " + value);
        }
        return value;
    }

    public static int between(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw Problems.invalidParameter(name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
