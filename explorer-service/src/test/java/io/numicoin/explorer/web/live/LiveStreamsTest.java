package io.numicoin.explorer.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiveStreamsTest {

    @Test
    void capsStreamsPerClientAndInAll() {
        LiveStreams streams = new LiveStreams(3, 2);
        LiveStreams.Result a1 = streams.open("a");
        LiveStreams.Result a2 = streams.open("a");
        assertThat(streams.open("a").refusal()).isEqualTo(LiveStreams.Refusal.CLIENT_FULL);
        LiveStreams.Result b1 = streams.open("b");
        assertThat(streams.open("c").refusal()).isEqualTo(LiveStreams.Refusal.FULL);
        assertThat(streams.open()).isEqualTo(3);

        a1.ticket().orElseThrow().close();
        a1.ticket().orElseThrow().close();  // a second close frees nothing more
        assertThat(streams.open()).isEqualTo(2);
        assertThat(streams.heldBy("a")).isEqualTo(1);
        assertThat(streams.open("c").ticket()).isPresent();
        assertThat(streams.open("a").refusal()).isEqualTo(LiveStreams.Refusal.FULL);

        a2.ticket().orElseThrow().close();
        b1.ticket().orElseThrow().close();
        assertThat(streams.heldBy("a")).isZero();
        assertThat(streams.heldBy("b")).isZero();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void concurrentOpensAndClosesNeverExceedTheCapsAndFreeEverything(long seed) throws Exception {
        LiveStreams streams = new LiveStreams(10, 3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Random random = new Random(seed * 31 + t);
            work.add(pool.submit(() -> {
                List<LiveStreams.Ticket> held = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    if (random.nextBoolean() || held.isEmpty()) {
                        streams.open("client" + random.nextInt(4)).ticket().ifPresent(held::add);
                        assertThat(streams.open()).isLessThanOrEqualTo(10);
                    } else {
                        held.remove(random.nextInt(held.size())).close();
                    }
                    for (int c = 0; c < 4; c++) {
                        assertThat(streams.heldBy("client" + c)).isLessThanOrEqualTo(3);
                    }
                }
                held.forEach(LiveStreams.Ticket::close);
            }));
        }
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(streams.open()).isZero();
        for (int c = 0; c < 4; c++) {
            assertThat(streams.heldBy("client" + c)).isZero();
        }
    }
}
