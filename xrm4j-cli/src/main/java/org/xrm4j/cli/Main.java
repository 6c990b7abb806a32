package org.xrm4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/xrm4j}: run the server, or talk to one. */
@Command(name = "xrm4j", mixinStandardHelpOptions = true, version = "xrm4j 0.1.0",
        description = "An Organization service for the JVM: the Dataverse message model on a real database.",
        subcommands = {ServeCommand.class, ExecCommand.class, LoadCommand.class, OrgCommand.class, UserCommand.class,
                SettingsCommand.class, JobsCommand.class, SolutionCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and answers its exit code (the tests call this). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("xrm4j: " + ex.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    @Override public void run() { spec.commandLine().usage(System.out); }
}
