package io.numicoin.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NodeApplicationTest {

    @Test
    void recognisesACommandOnTheCommandLine() {
        assertThat(NodeApplication.isCommand(new String[] {"--numi.command=reindex"})).isTrue();
        assertThat(NodeApplication.isCommand(new String[] {"--numi.command=serve"})).isFalse();
        assertThat(NodeApplication.isCommand(new String[] {"--numi.command=serve", "--numi.command=reindex"})).isTrue();
        assertThat(NodeApplication.isCommand(new String[] {"--server.port=1"})).isEqualTo(System.getenv("NUMI_COMMAND") != null
                && !System.getenv("NUMI_COMMAND").equalsIgnoreCase("serve"));
    }
}
