package dev.tva.cli;

import dev.tva.engine.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

import java.io.PrintWriter;

/** The {@code lab} command line: one entry point, a subcommand per job. */
@Command(name = "lab",
        mixinStandardHelpOptions = true,
        versionProvider = Lab.Version.class,
        description = "Runs identical workloads on platform threads, virtual threads and Netty event loops, and shows with measured numbers when each model wins, and why.",
        subcommands = {TourCommand.class, RunCommand.class, CompareCommand.class, CrossoverCommand.class, DbSweepCommand.class, ServeCommand.class,
                LoadCommand.class, MachineCommand.class, ServersCommand.class, SoakCommand.class, OverloadCommand.class, IdleCommand.class,
                SlowlorisCommand.class, BackendCommand.class, CalibrateCommand.class, BenchCommand.class,
                FootprintCommand.class, ReportCommand.class, LessonsCommand.class, LessonCommand.class, ExerciseCommand.class,
                CommandLine.HelpCommand.class})
public final class Lab implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.setProperty("lab.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        int exit = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(exit);
    }

    /**
     * Runs the command line and returns its exit code: 0 done, 1 a run that failed or had errors,
     * 2 bad input. A user mistake is one line on {@code err}; only a bug prints a stack trace.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        System.setProperty("lab.cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        CommandLine cli = new CommandLine(new Lab());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Lab::badInput);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof UserException user) {
                commandLine.getErr().println(commandLine.getCommandName() + ": " + user.getMessage());
                return user.exitCode();
            }
            if (e instanceof ParameterException bad) {
                return badInput(bad, args);
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** One line: the command, what is wrong with which flag, where to read more. Exit code 2. */
    private static int badInput(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getCommandSpec().qualifiedName(" ");
        String message = e.getMessage().lines().findFirst().orElse("bad input");
        command.getErr().println(name + ": " + message + " (see '" + name + " --help')");
        return UserException.BAD_INPUT;
    }

    /** The version line: the lab's and the running JVM's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String lab = Lab.class.getPackage().getImplementationVersion();
            return new String[] {"lab " + (lab == null ? "dev" : lab) + " on " + System.getProperty("java.vendor") + " "
                    + System.getProperty("java.runtime.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores"};
        }
    }
}
