package io.numicoin.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevnetOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsKeepDataUnderTheRepositoryAndUseTheServicesOwnPorts() {
        DevnetOptions options = DevnetOptions.parse(ROOT, List.of());
        assertThat(options.dataDir()).isEqualTo(Path.of("/repo/data/devnet"));
        assertThat(options.reset()).isFalse();
        assertThat(options.portOffset()).isZero();
        assertThat(options.blockInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void everyOptionInBothSpellings() {
        DevnetOptions options = DevnetOptions.parse(ROOT,
                List.of("--reset", "--data-dir", "tmp/d", "--port-offset=500", "--block-interval", "0.5"));
        assertThat(options.reset()).isTrue();
        assertThat(options.dataDir()).isEqualTo(Path.of("/repo/tmp/d"));
        assertThat(options.portOffset()).isEqualTo(500);
        assertThat(options.blockInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(DevnetOptions.parse(ROOT, List.of("--data-dir=/abs")).dataDir()).isEqualTo(Path.of("/abs"));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> DevnetOptions.parse(ROOT, List.of("--port-offset"))).hasMessage("--port-offset needs a value");
        assertThatThrownBy(() -> DevnetOptions.parse(ROOT, List.of("--port-offset", "x")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> DevnetOptions.parse(ROOT, List.of("--block-interval", "-1")))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> DevnetOptions.parse(ROOT, List.of("--resett"))).hasMessageContaining("unknown option '--resett'");
    }
}
