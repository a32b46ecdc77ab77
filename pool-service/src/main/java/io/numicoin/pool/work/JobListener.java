package io.numicoin.pool.work;

/** Told of every new job (the Stratum server notifies its sessions). */
@FunctionalInterface
public interface JobListener {

    void newJob(PoolJob job);
}
