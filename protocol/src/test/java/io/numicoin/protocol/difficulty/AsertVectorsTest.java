package io.numicoin.protocol.difficulty;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.block.BlockHeader;
import io.numicoin.protocol.pow.CompactTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The aserti3-2d conformance vectors of Bitcoin Cash Node (test resources
 * {@code difficulty/aserti3-2d/run01..run12}, see the README there): BCH mainnet parameters,
 * 600 s spacing, 2-day half-life, pow limit {@code 2^224 - 1}. Each vector line gives a parent
 * block's height and time and the target required of the block after it.
 */
class AsertVectorsTest {

    private static final AsertDifficulty BCH = new AsertDifficulty(
            600, 2 * 24 * 3600, BigInteger.ONE.shiftLeft(224).subtract(BigInteger.ONE), new CompactTarget(0x1d00_ffff));

    @ParameterizedTest
    @ValueSource(strings = {"run01", "run02", "run03", "run04", "run05", "run06", "run07", "run08", "run09",
        "run10", "run11", "run12"})
    void coreFormulaMatchesEveryVector(String run) throws IOException {
        VectorRun vectors = VectorRun.load(run);
        BigInteger anchorTarget = vectors.anchorBits().toTarget();

        for (Vector v : vectors.vectors()) {
            long heightDiff = v.height().subtract(vectors.anchorHeight()).longValueExact();
            long timeDiff = v.time() - vectors.anchorParentTime();
            CompactTarget actual = CompactTarget.fromTarget(BCH.target(anchorTarget, timeDiff, heightDiff));
            assertThat(actual).as("%s iteration %d", run, v.iteration()).isEqualTo(v.bits());
        }
        assertThat(vectors.vectors()).hasSize(vectors.iterations());
    }

    /**
     * The runs with one block per height, replayed as real branches through {@code nextTarget}:
     * the vectors' anchor (height 1) is our anchor, block 1, at the anchor's parent time plus one
     * spacing and carrying the run's anchor target as the initial target. Every time after genesis is
     * shifted three days later (a launch days after the genesis time), which must change nothing:
     * ASERT reads time differences from block 1 only.
     */
    @ParameterizedTest
    @ValueSource(strings = {"run01", "run02", "run06", "run07", "run08", "run11", "run12"})
    void nextTargetOnABlockOneAnchoredBranchMatchesConsecutiveRuns(String run) throws IOException {
        VectorRun vectors = VectorRun.load(run);
        assertThat(vectors.anchorHeight()).isEqualTo(BigInteger.ONE);
        AsertDifficulty asert = new AsertDifficulty(BCH.targetSpacingSeconds(), BCH.halfLifeSeconds(), BCH.powLimit(),
                vectors.anchorBits());
        long lateLaunch = 3 * 24 * 3600;
        long anchorTime = vectors.anchorParentTime() + BCH.targetSpacingSeconds() + lateLaunch;
        List<BlockHeader> headers = new ArrayList<>();
        headers.add(ListHeaderChain.header(0, vectors.anchorParentTime(), CompactTarget.fromTarget(BCH.powLimit())));
        assertThat(asert.nextTarget(new ListHeaderChain(headers))).isEqualTo(vectors.anchorBits());
        headers.add(ListHeaderChain.header(1, anchorTime, vectors.anchorBits()));

        for (Vector v : vectors.vectors()) {
            long height = v.height().longValueExact();
            assertThat(height).isEqualTo(headers.size());
            headers.add(ListHeaderChain.header(height, v.time() + lateLaunch, headers.getLast().target()));
            CompactTarget required = asert.nextTarget(new ListHeaderChain(headers));
            assertThat(required).as("%s iteration %d", run, v.iteration()).isEqualTo(v.bits());
            headers.set(headers.size() - 1, ListHeaderChain.header(height, v.time() + lateLaunch, required));
        }
    }

    record Vector(int iteration, BigInteger height, long time, CompactTarget bits) {
    }

    record VectorRun(BigInteger anchorHeight, long anchorParentTime, CompactTarget anchorBits, int iterations,
            List<Vector> vectors) {

        static VectorRun load(String name) throws IOException {
            Map<String, String> header = new HashMap<>();
            List<Vector> vectors = new ArrayList<>();
            try (InputStream in = AsertVectorsTest.class.getResourceAsStream("/difficulty/aserti3-2d/" + name);
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("##") && line.contains(":")) {
                        String key = line.substring(2, line.indexOf(':')).trim();
                        header.put(key, line.substring(line.indexOf(':') + 1).trim());
                    } else if (!line.isBlank() && !line.startsWith("#")) {
                        String[] f = line.trim().split("\\s+");
                        vectors.add(new Vector(Integer.parseInt(f[0]), new BigInteger(f[1]), Long.parseLong(f[2]),
                                new CompactTarget(Integer.parseUnsignedInt(f[3].substring(2), 16))));
                    }
                }
            }
            // The files name the anchor's parent time "ancestor time" in older runs.
            String parentTime = header.getOrDefault("anchor parent time", header.get("anchor ancestor time"));
            return new VectorRun(new BigInteger(header.get("anchor height")), Long.parseLong(parentTime),
                    new CompactTarget(Integer.parseUnsignedInt(header.get("anchor nBits").substring(2), 16)),
                    Integer.parseInt(header.get("iterations")), vectors);
        }
    }
}
