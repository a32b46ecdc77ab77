package io.numicoin.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiningTokenFileTest {

    @TempDir
    Path dir;

    @Test
    void aNewDevnetGetsARandomPrivateTokenThatIsKeptAcrossStarts() throws Exception {
        Path file = MiningTokenFile.ensure(dir.resolve("data").resolve("mining.token"));
        String token = Files.readString(file).strip();
        assertThat(token).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        assertThat(Files.readString(MiningTokenFile.ensure(file)).strip()).isEqualTo(token);
        Path other = MiningTokenFile.ensure(dir.resolve("other.token"));
        assertThat(Files.readString(other).strip()).isNotEqualTo(token);
    }
}
