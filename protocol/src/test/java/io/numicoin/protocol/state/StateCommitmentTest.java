package io.numicoin.protocol.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.numicoin.protocol.hash.Blake3;
import io.numicoin.protocol.hash.HashDomain;
import org.junit.jupiter.api.Test;

class StateCommitmentTest {

    /** The genesis blocks' state commitment on every network; changing it is a hard fork. */
    @Test
    void theEmptyStateCommitmentIsAFixedConstant() {
        assertThat(StateCommitment.EMPTY.toHex()).isEqualTo("04bb49e91dd1848513b1f50909edbf7fe39c1c779647fe2d1bf0b071453316ac");
        byte[] one = new byte[384];
        one[383] = 1;
        assertThat(StateCommitment.EMPTY).isEqualTo(Blake3.hash(HashDomain.STATE_COMMITMENT, one));
        assertThat(InMemoryAccountState.empty().commitment()).isEqualTo(StateCommitment.EMPTY);
    }

    @Test
    void theCommitmentDependsOnlyOnTheSetNotOnTheFraction() {
        MuHash3072 direct = MuHash3072.of(new byte[] {1});
        MuHash3072 roundabout = MuHash3072.of(new byte[] {1}).insert(new byte[] {2}).remove(new byte[] {2});
        assertThat(StateCommitment.of(roundabout)).isEqualTo(StateCommitment.of(direct)).isNotEqualTo(StateCommitment.EMPTY);
    }
}
