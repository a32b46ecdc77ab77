package io.numicoin.p2p.mux.yamux;

import io.netty.buffer.ByteBuf;

/**
 * The 12-byte yamux frame header (hashicorp/yamux spec.md): version (0), type, flags, stream id,
 * length — all big-endian. For Data frames {@code length} is the payload size; for WindowUpdate the
 * window delta; for Ping an opaque value; for GoAway an error code.
 */
public record YamuxHeader(int type, int flags, int streamId, long length) {

    public static final int SIZE = 12;
    public static final int VERSION = 0;

    public static final int TYPE_DATA = 0;
    public static final int TYPE_WINDOW_UPDATE = 1;
    public static final int TYPE_PING = 2;
    public static final int TYPE_GO_AWAY = 3;

    public static final int FLAG_SYN = 1;
    public static final int FLAG_ACK = 2;
    public static final int FLAG_FIN = 4;
    public static final int FLAG_RST = 8;
    private static final int KNOWN_FLAGS = FLAG_SYN | FLAG_ACK | FLAG_FIN | FLAG_RST;

    public static final int GO_AWAY_NORMAL = 0;
    public static final int GO_AWAY_PROTOCOL_ERROR = 1;
    public static final int GO_AWAY_INTERNAL_ERROR = 2;

    public YamuxHeader {
        if (type < 0 || type > TYPE_GO_AWAY || flags < 0 || flags > 0xFFFF || length < 0 || length > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("bad yamux header fields");
        }
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** The unsigned 32-bit stream id as a long. */
    public long unsignedStreamId() {
        return Integer.toUnsignedLong(streamId);
    }

    public void write(ByteBuf out) {
        out.writeByte(VERSION);
        out.writeByte(type);
        out.writeShort(flags);
        out.writeInt(streamId);
        out.writeInt((int) length);
    }

    /**
     * Reads a header if 12 bytes are available (else returns null, consuming nothing).
     * @throws YamuxException on an unknown version, type or flag, or a session frame (Ping, GoAway)
     *     on a stream id other than 0, or a stream frame on stream 0
     */
    public static YamuxHeader tryRead(ByteBuf in) throws YamuxException {
        if (in.readableBytes() < SIZE) {
            return null;
        }
        int version = in.readUnsignedByte();
        int type = in.readUnsignedByte();
        int flags = in.readUnsignedShort();
        int streamId = in.readInt();
        long length = in.readUnsignedInt();
        if (version != VERSION) {
            throw new YamuxException("yamux version " + version);
        }
        if (type > TYPE_GO_AWAY) {
            throw new YamuxException("unknown yamux frame type " + type);
        }
        if ((flags & ~KNOWN_FLAGS) != 0) {
            throw new YamuxException("unknown yamux flags 0x" + Integer.toHexString(flags));
        }
        boolean sessionFrame = type == TYPE_PING || type == TYPE_GO_AWAY;
        if (sessionFrame != (streamId == 0)) {
            throw new YamuxException("frame type " + type + " on stream " + Integer.toUnsignedString(streamId));
        }
        return new YamuxHeader(type, flags, streamId, length);
    }
}
