package io.numicoin.pool.stratum;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Jazzer: any bytes a miner sends, through the Stratum server's line pipeline and handler, meet
 * {@link StratumLineContract}. Under plain {@code mvn test} it runs on the empty input and the
 * committed inputs in
 * {@code src/test/resources/io/numicoin/pool/stratum/StratumLineFuzzTestInputs/lines/}. To fuzz:
 * {@code scripts/fuzz StratumLineFuzzTest} (docs/fuzzing.md).
 */
class StratumLineFuzzTest {

    static final String USER = "numi1eur3rwsld2ndgk4dnjgfkknk8e7eqjpwqgyl9gext8tgxlna76hsz86u99";

    @FuzzTest(maxDuration = "60s")
    void lines(byte[] input) {
        StratumLineContract.check(input);
    }

    /** The harness reaches the share decode: the seed's handshake succeeds and a well-formed share is parsed, then held back. */
    @Test
    void aHandshakeAndAShareReachTheShareDecode() {
        List<JsonNode> answers = StratumLineContract.check(("""
                {"id":1,"method":"mining.subscribe","params":["fuzz/1"]}
                {"id":2,"method":"mining.authorize","params":["%s.rig-1","x"]}
                {"id":3,"method":"mining.submit","params":["%s.rig-1","1","00000000","0000000071447200","0000000000000007"]}
                {"id":4,"method":"mining.submit","params":["%s.rig-1","1","00","0000000071447200","0000000000000007"]}
                """).formatted(USER, USER, USER).getBytes(StandardCharsets.UTF_8));
        assertThat(answers).hasSize(4);
        assertThat(answers.get(0).path("result").isArray()).isTrue();
        assertThat(answers.get(1).path("result").asBoolean()).isTrue();
        // parsed, then refused before validation: no share may be in flight in the harness
        assertThat(answers.get(2).path("error").path(1).asString()).isEqualTo("Too many shares: slow down");
        assertThat(answers.get(3).path("error").path(0).asInt()).isEqualTo(-32602);
    }
}
