package io.numicoin.devnet.chaos;

import io.numicoin.devnet.load.History;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Applies a {@link FaultSchedule} to a running devnet, one fault at a time: the quiet pause, the
 * fault, its downtime, the repair (restart and wait until ready, start, thaw, heal). Each begin and end
 * goes into the history, so the checker's findings can be read against what was down when.
 */
public final class FaultInjector {

    private final FaultTarget target;
    private final History history;
    private final Consumer<String> progress;
    private volatile int applied;

    public FaultInjector(FaultTarget target, History history, Consumer<String> progress) {
        this.target = target;
        this.history = history;
        this.progress = progress;
    }

    /** Runs the whole schedule; returns the number of faults applied and repaired. */
    public int run(FaultSchedule schedule) throws IOException, InterruptedException {
        int n = 0;
        for (Fault fault : schedule.faults()) {
            Thread.sleep(fault.pauseBefore().toMillis());
            n++;
            progress.accept("fault " + n + "/" + schedule.faults().size() + ": " + fault);
            history.fault("begin", fault.kind().name(), fault.toString());
            apply(fault);
            history.fault("end", fault.kind().name(), fault.kind().target() + " back");
            applied = n;
        }
        return n;
    }

    /** Faults applied and repaired so far. */
    public int applied() {
        return applied;
    }

    private void apply(Fault fault) throws IOException, InterruptedException {
        String service = fault.kind().target();
        long down = fault.downtime().toMillis();
        switch (fault.kind()) {
            case KILL_EVENT_SOURCE, KILL_PLAIN_NODE, KILL_MEMPOOL, KILL_MINER -> {
                target.kill(service);
                Thread.sleep(down);
                target.restart(service);
            }
            case KAFKA_RESTART -> {
                target.stopKafka();
                Thread.sleep(down);
                target.startKafka();
            }
            case POSTGRES_RESTART -> {
                target.stopPostgres();
                Thread.sleep(down);
                target.startPostgres();
            }
            case PARTITION_NODE -> new PartitionFault(target, progress).apply(service, fault.downtime());
            case FREEZE_NODE -> {
                target.freeze(service);
                try {
                    Thread.sleep(down);
                } finally {
                    target.thaw(service);
                }
            }
        }
    }
}
