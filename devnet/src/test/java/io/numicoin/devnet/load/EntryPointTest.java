package io.numicoin.devnet.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.numicoin.devnet.DevnetPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryPointTest {

    @Test
    void allIsEveryNodeTheMempoolAndTheGatewayOnTheOffsetPorts() {
        assertThat(EntryPoint.parse("all", new DevnetPorts(100))).extracting(e -> e.submitUrl().toString()).containsExactly(
                "http://127.0.0.1:8182/api/v1/transactions", "http://127.0.0.1:8185/api/v1/transactions",
                "http://127.0.0.1:8186/api/v1/transactions", "http://127.0.0.1:8187/api/v1/transactions",
                "http://127.0.0.1:8183/api/v1/mempool/transactions", "http://127.0.0.1:8180/api/v1/transactions");
    }

    @Test
    void anUnknownNameIsRefused() {
        assertThatThrownBy(() -> EntryPoint.parse("node1,node9", new DevnetPorts(0))).hasMessageContaining("node9");
    }

    @ParameterizedTest
    @CsvSource({"200,ADDED,,true,false", "422,INVALID,NONCE_TOO_LOW,false,true", "429,,RATE_LIMITED,false,false",
        "503,,BUSY,false,false", "0,,,false,false"})
    void answersAreTakenRefusedOrUnknown(int status, String outcome, String rule, boolean accepted, boolean refused) {
        Answer answer = new Answer(status, outcome == null ? "" : outcome, rule == null ? "" : rule, "");
        assertThat(answer.accepted()).isEqualTo(accepted);
        assertThat(answer.refused()).isEqualTo(refused);
        assertThat(answer.unknown()).isEqualTo(!accepted && !refused);
    }
}
