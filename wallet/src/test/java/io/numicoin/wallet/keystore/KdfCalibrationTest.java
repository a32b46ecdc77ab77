package io.numicoin.wallet.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KdfCalibrationTest {

    /** A machine where a derivation costs {@code microsPerKiBPass} µs per KiB and pass. */
    static KdfCalibration.KdfTimer machine(double microsPerKiBPass, List<KdfParams> asked) {
        return params -> {
            asked.add(params);
            return Math.round(params.memoryKiB() * (double) params.iterations() * microsPerKiBPass / 1000);
        };
    }

    @Test
    void fastMachineKeeps64MiBAndAddsPassesUpToTheTarget() {
        List<KdfParams> asked = new ArrayList<>();
        // 64 MiB, one pass: 131 ms
        KdfParams params = KdfCalibration.calibrate(1000, 64 * 1024, machine(2, asked));

        assertThat(params).isEqualTo(new KdfParams(64 * 1024, 7, 1));
        assertThat(asked).containsExactly(new KdfParams(64 * 1024, 1, 1));
    }

    @Test
    void slowMachineHalvesMemoryDownToTheFloor() {
        List<KdfParams> asked = new ArrayList<>();
        // 64 MiB, one pass: 2.6 s; 32 MiB: 1.3 s; 16 MiB: 655 ms
        KdfParams params = KdfCalibration.calibrate(1000, 64 * 1024, machine(40, asked));

        assertThat(params).isEqualTo(new KdfParams(16 * 1024, 1, 1));
        assertThat(asked).extracting(KdfParams::memoryKiB).containsExactly(64 * 1024, 32 * 1024, 16 * 1024);
    }

    @Test
    void passesAreCappedAtTheReadersLimit() {
        KdfParams params = KdfCalibration.calibrate(60_000, 64 * 1024, machine(0.01, new ArrayList<>()));

        assertThat(params.iterations()).isEqualTo(KdfParams.MAX_ITERATIONS);
    }

    /** Real Argon2id runs (small memory so the test stays quick); no timing is asserted. */
    @Test
    void realCalibrationGivesUsableParameters() throws Exception {
        KdfParams params = KdfCalibration.calibrate(50, 1024, KdfCalibration::measure);

        assertThat(params.memoryKiB()).isBetween(KdfParams.MIN_MEMORY_KIB, 1024);
        assertThat(params.iterations()).isBetween(1, KdfParams.MAX_ITERATIONS);
        byte[] file = KeystoreCrypto.seal(KeyKind.ED25519, new byte[32], "p".toCharArray(), params,
                io.numicoin.protocol.bytes.Bytes.of(new byte[16]), io.numicoin.protocol.bytes.Bytes.of(new byte[12]));
        assertThat(KeystoreFormat.decode(file).header().kdf()).isEqualTo(params);
    }
}
