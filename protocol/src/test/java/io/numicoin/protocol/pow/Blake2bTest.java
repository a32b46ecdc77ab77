package io.numicoin.protocol.pow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

class Blake2bTest {

    @Test
    void matchesRfc7693AbcVector() {
        byte[] out = new byte[64];
        new Blake2b().init(64).update("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).finish(out, 0);
        assertThat(HexFormat.of().formatHex(out)).isEqualTo(
                "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    }

    @Test
    void matchesBouncyCastleOnRandomInputsAndLengths() {
        Random random = new Random(7693);
        Blake2b ours = new Blake2b();
        for (int trial = 0; trial < 300; trial++) {
            byte[] input = new byte[random.nextInt(400)];
            random.nextBytes(input);
            int outLength = 1 + random.nextInt(64);
            int split = input.length == 0 ? 0 : random.nextInt(input.length);

            byte[] actual = new byte[outLength];
            ours.init(outLength).update(input, 0, split).update(input, split, input.length - split).finish(actual, 0);

            Blake2bDigest bc = new Blake2bDigest(outLength * 8);
            bc.update(input, 0, input.length);
            byte[] expected = new byte[outLength];
            bc.doFinal(expected, 0);
            assertThat(actual).as("trial %d, %d bytes in, %d out", trial, input.length, outLength).isEqualTo(expected);
        }
    }
}
