package io.numicoin.bench;

import java.util.List;

/** {@code bench/run protocol}: signatures, BLAKE3, Argon2id, header PoW, state hashing, block validation. */
final class ProtocolSuite {

    private ProtocolSuite() {
    }

    static List<BenchPart> parts() {
        return List.of(
                new MlDsaBench(),
                new Blake3Bench(),
                new Argon2Bench(),
                new StateHashBench(),
                new MuHashArithmeticBench(),
                new BlockValidationBench()
        );
    }
}
