package io.numicoin.p2p.peer;

import java.math.BigInteger;
import java.util.Arrays;

/** Base58btc (Bitcoin's alphabet), as libp2p uses for peer ids. */
public final class Base58 {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    /** Longer inputs are refused before any arithmetic. */
    private static final int MAX_TEXT = 128;

    private Base58() {
    }

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, data);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            value = qr[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }

    /** @throws IllegalArgumentException on a character outside the alphabet or an overlong text */
    public static byte[] decode(String text) {
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("base58 text longer than " + MAX_TEXT);
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = 0; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not a base58 character: '" + text.charAt(i) + "'");
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        if (magnitude.length > 1 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        byte[] out = new byte[zeros + magnitude.length];
        System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
        return out;
    }
}
