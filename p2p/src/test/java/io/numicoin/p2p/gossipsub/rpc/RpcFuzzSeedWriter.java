package io.numicoin.p2p.gossipsub.rpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/**
 * Writes the committed seed corpus of {@link RpcDecoderFuzzTest}: random valid RPCs, truncations and
 * a few hand-made near misses. Run by hand; it never overwrites:
 *
 * <pre>
 * java -cp p2p/target/test-classes:p2p/target/classes io.numicoin.p2p.gossipsub.rpc.RpcFuzzSeedWriter \
 *     p2p/src/test/resources/io/numicoin/p2p/gossipsub/rpc/RpcDecoderFuzzTestInputs/decode
 * </pre>
 */
final class RpcFuzzSeedWriter {

    private RpcFuzzSeedWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        RandomRpcs rpcs = new RandomRpcs(new Random(7));
        for (int i = 0; i < 8; i++) {
            byte[] valid = RpcCodec.encode(rpcs.rpc());
            write(dir, "valid-" + i, valid);
            if (valid.length > 1) {
                write(dir, "truncated-" + i, Arrays.copyOf(valid, valid.length - 1));
            }
        }
        HexFormat hex = HexFormat.of();
        write(dir, "unknown-fields", hex.parseHex("4801510102030405060708" + "5a02ffff6501020304"));
        write(dir, "merged-control", hex.parseHex("1a051a030a01611a071a030a01622a00"));
        write(dir, "group-wire-type", hex.parseHex("0b"));
        write(dir, "bad-utf8-topic", hex.parseHex("0a031201ff"));
        write(dir, "long-varint", hex.parseHex("48ffffffffffffffffff7f"));
    }

    private static void write(Path dir, String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes, StandardOpenOption.CREATE_NEW);
    }
}
