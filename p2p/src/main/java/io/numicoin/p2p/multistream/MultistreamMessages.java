package io.numicoin.p2p.multistream;

import io.netty.buffer.ByteBuf;
import io.numicoin.p2p.protobuf.ProtobufException;
import io.numicoin.p2p.protobuf.UnsignedVarint;
import java.nio.charset.StandardCharsets;

/**
 * multistream-select 1.0 messages: an unsigned-varint length, then that many bytes ending in
 * {@code \n}. Lines are at most {@value #MAX_MESSAGE} bytes of printable ASCII.
 */
public final class MultistreamMessages {

    public static final String HEADER = "/multistream/1.0.0";
    public static final String NA = "na";
    public static final String LS = "ls";
    /** Longest message accepted, newline included. */
    public static final int MAX_MESSAGE = 1024;

    private MultistreamMessages() {
    }

    public static byte[] encode(String line) {
        byte[] text = (line + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] length = UnsignedVarint.encode(text.length);
        byte[] out = new byte[length.length + text.length];
        System.arraycopy(length, 0, out, 0, length.length);
        System.arraycopy(text, 0, out, length.length, text.length);
        return out;
    }

    /**
     * Reads one message from {@code in} if it holds a complete one (else returns null, consuming
     * nothing). @throws ProtobufException on a bad length, a missing newline or a non-printable byte
     */
    public static String tryRead(ByteBuf in) throws ProtobufException {
        int mark = in.readerIndex();
        long length = UnsignedVarint.tryRead(in, MAX_MESSAGE);
        if (length == UnsignedVarint.INCOMPLETE) {
            return null;
        }
        if (length < 1) {
            throw new ProtobufException("empty multistream message");
        }
        if (in.readableBytes() < length) {
            in.readerIndex(mark);
            return null;
        }
        byte[] text = new byte[(int) length];
        in.readBytes(text);
        if (text[text.length - 1] != '\n') {
            throw new ProtobufException("multistream message does not end in a newline");
        }
        for (int i = 0; i < text.length - 1; i++) {
            if (text[i] < 0x20 || text[i] > 0x7E) {
                throw new ProtobufException("multistream message holds a non-printable byte");
            }
        }
        return new String(text, 0, text.length - 1, StandardCharsets.US_ASCII);
    }
}
