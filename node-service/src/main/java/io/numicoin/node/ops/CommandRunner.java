package io.numicoin.node.ops;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/** Runs a {@link NodeCommand} once the context is up and keeps its exit code for {@code SpringApplication.exit}. */
public final class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private final NodeCommand command;
    private int exitCode;

    public CommandRunner(NodeCommand command) {
        this.command = command;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = command.run();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
