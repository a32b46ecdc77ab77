package io.numicoin.devnet.guard;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;

/**
 * A Java agent ({@code -javaagent:devnet-*-guard.jar}) for the service JVMs the devnet starts: the
 * launcher keeps each child's standard input open as a pipe and never writes to it, so
 * end-of-file there means the launcher is gone (killed, crashed). The service then exits as if
 * stopped (shutdown hooks run), and is halted if that takes longer than {@value #HALT_AFTER_MILLIS} ms.
 * No service is left running without the launcher that owns its database and Kafka broker.
 */
public final class ParentGuard {

    static final long HALT_AFTER_MILLIS = 30_000;

    private ParentGuard() {
    }

    public static void premain(String args, Instrumentation instrumentation) {
        premain(args);
    }

    public static void premain(String args) {
        Thread watcher = new Thread(() -> watch(System.in), "numi-devnet-parent-guard");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void watch(InputStream launcherPipe) {
        try {
            while (launcherPipe.read() != -1) {
                // the launcher writes nothing; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end-of-file
        }
        System.err.println("numi devnet: the launcher closed its pipe (it is stopping the devnet, or it is gone): exiting");
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(1);
        }, "numi-devnet-halt");
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }
}
