package io.numicoin.network.sync;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.codec.BlockHeaderCodec;
import io.numicoin.protocol.codec.ByteReader;
import io.numicoin.protocol.codec.ByteWriter;
import io.numicoin.protocol.codec.DecodeError;
import io.numicoin.protocol.codec.DecodeException;
import io.numicoin.protocol.hash.Hash256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The sync protocols' messages. Every decoder checks counts against their limit before reading
 * and refuses trailing bytes.
 *
 * <pre>
 * status            genesis id (32) ‖ tip id (32) ‖ tip height (i64) ‖ work length (u8, ≤ 33) ‖ work (big-endian, unsigned,
 *                   minimal two's complement: no leading zero byte unless the next byte's top bit is set)
 * headers request   max (u16, 1..2000) ‖ locator count (u8, 1..64) ‖ ids (32 each)
 * headers response  count (u16, ≤ 2000) ‖ headers (128 each, ascending, each the child of the one before)
 * block request     id (32)
 * block response    the block as BlockCodec encodes it, or nothing when it is not stored
 * </pre>
 */
public final class SyncCodec {

    public static final int MAX_LOCATOR = 64;
    public static final int MAX_HEADERS = 2_000;
    public static final int STATUS_BYTES_MAX = 32 + 32 + 8 + 1 + 33;
    public static final int HEADERS_REQUEST_BYTES_MAX = 2 + 1 + MAX_LOCATOR * Hash256.SIZE;
    public static final int HEADERS_RESPONSE_BYTES_MAX = 2 + MAX_HEADERS * BlockHeaderCodec.SIZE;

    /** A request for headers after the first id of {@code locator} the server has on its active chain. */
    public record HeadersRequest(List<Hash256> locator, int max) {

        public HeadersRequest {
            locator = List.copyOf(locator);
            if (locator.isEmpty() || locator.size() > MAX_LOCATOR || max < 1 || max > MAX_HEADERS) {
                throw new IllegalArgumentException("locator of 1.." + MAX_LOCATOR + " ids and max 1.." + MAX_HEADERS);
            }
        }
    }

    private SyncCodec() {
    }

    public static byte[] encodeStatus(ChainStatusMessage status) {
        byte[] work = status.cumulativeWork().toByteArray();
        return new ByteWriter(STATUS_BYTES_MAX).hash(status.genesisId()).hash(status.tipId()).i64(status.tipHeight())
                .u8(work.length).bytes(work).toByteArray();
    }

    public static ChainStatusMessage decodeStatus(byte[] bytes) throws DecodeException {
        ByteReader reader = new ByteReader(bytes);
        Hash256 genesis = reader.hash("genesis id");
        Hash256 tip = reader.hash("tip id");
        long height = reader.u63("tip height");
        int workLength = reader.u8("work length");
        if (workLength < 1 || workLength > 33) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "work length " + workLength);
        }
        BigInteger work = new BigInteger(reader.bytes(workLength, "work"));
        if (work.signum() < 0) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "negative work");
        }
        if (work.bitLength() / 8 + 1 != workLength) {
            // one encoding per value (what encodeStatus writes): no leading zero byte a shorter form would not need
            throw new DecodeException(DecodeError.NON_CANONICAL, "work of " + workLength + " bytes has a leading zero byte");
        }
        reader.expectEnd("status");
        return new ChainStatusMessage(genesis, tip, height, work);
    }

    public static byte[] encodeHeadersRequest(HeadersRequest request) {
        ByteWriter writer = new ByteWriter(HEADERS_REQUEST_BYTES_MAX).u16(request.max()).u8(request.locator().size());
        request.locator().forEach(writer::hash);
        return writer.toByteArray();
    }

    public static HeadersRequest decodeHeadersRequest(byte[] bytes) throws DecodeException {
        ByteReader reader = new ByteReader(bytes);
        int max = reader.u16("max");
        int count = reader.u8("locator count");
        if (max < 1 || max > MAX_HEADERS || count < 1 || count > MAX_LOCATOR) {
            throw new DecodeException(DecodeError.OUT_OF_RANGE, "max " + max + ", locator count " + count);
        }
        List<Hash256> locator = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            locator.add(reader.hash("locator id"));
        }
        reader.expectEnd("headers request");
        return new HeadersRequest(locator, max);
    }

    public static byte[] encodeHeaders(List<BlockHeader> headers) {
        if (headers.size() > MAX_HEADERS) {
            throw new IllegalArgumentException("at most " + MAX_HEADERS + " headers per message");
        }
        ByteWriter writer = new ByteWriter(2 + headers.size() * BlockHeaderCodec.SIZE).u16(headers.size());
        headers.forEach(header -> BlockHeaderCodec.write(writer, header));
        return writer.toByteArray();
    }

    /** Decodes at most {@code max} headers (what was asked for); more is a protocol violation. */
    public static List<BlockHeader> decodeHeaders(byte[] bytes, int max) throws DecodeException {
        ByteReader reader = new ByteReader(bytes);
        int count = reader.u16("header count");
        if (count > Math.min(max, MAX_HEADERS)) {
            throw new DecodeException(DecodeError.TOO_LARGE, count + " headers, asked for " + max);
        }
        List<BlockHeader> headers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            headers.add(BlockHeaderCodec.read(reader));
        }
        reader.expectEnd("headers response");
        return headers;
    }

    public static byte[] encodeBlockRequest(Hash256 id) {
        return id.toArray();
    }

    public static Hash256 decodeBlockRequest(byte[] bytes) throws DecodeException {
        ByteReader reader = new ByteReader(bytes);
        Hash256 id = reader.hash("block id");
        reader.expectEnd("block request");
        return id;
    }
}
