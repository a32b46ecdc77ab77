package io.numicoin.node.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPropertiesTest {

    @TempDir
    Path dir;

    @Test
    void theSecretComesFromTheSettingOrTheFirstLineOfTheFileAndNoneMeansOff() throws Exception {
        Path file = Files.writeString(dir.resolve("admin.token"), "0123456789abcdef0123\nignored\n");
        assertThat(new AdminProperties("inline-token", null, Duration.ofMinutes(1)).secret()).contains("inline-token");
        assertThat(new AdminProperties("", file, Duration.ofMinutes(1)).secret()).contains("0123456789abcdef0123");
        assertThat(new AdminProperties("", null, Duration.ofMinutes(1)).secret()).isEmpty();
    }

    @Test
    void bothAtOnceAnEmptyFileOrAShortTokenInAFileAreRefused() throws Exception {
        Path good = Files.writeString(dir.resolve("good"), "0123456789abcdef0123\n");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Path shortToken = Files.writeString(dir.resolve("short"), "abc\n");
        assertThatThrownBy(() -> new AdminProperties("inline-token", good, Duration.ofMinutes(1)).secret())
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> new AdminProperties("", empty, Duration.ofMinutes(1)).secret()).hasMessageContaining("empty");
        assertThatThrownBy(() -> new AdminProperties("", shortToken, Duration.ofMinutes(1)).secret())
                .hasMessageContaining("at least 16");
    }
}
