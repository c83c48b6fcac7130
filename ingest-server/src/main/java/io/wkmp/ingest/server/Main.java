package io.wkmp.ingest.server;

import io.wkmp.ingest.server.cli.ImportCommand;
import io.wkmp.ingest.server.cli.ReviewCommand;
import java.io.PrintWriter;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wkmp-ai} command line: {@code serve} (web wizard and API) and the other subcommands registered here. */
@Command(
        name = "wkmp-ai",
        mixinStandardHelpOptions = true,
        version = "wkmp-ai 0.1.0",
        description = "WKMP Audio Ingest: imports a music folder into the WKMP database; 'review' lists and decides"
                + " the passages it could not identify.",
        footer = {
            "%nEach command has its own options: run 'wkmp-ai import --help' or 'wkmp-ai serve --help'"
                    + " (or 'wkmp-ai help import').",
            "Exit codes: 0 done, 1 some files skipped (import), 2 usage error, 3 import failed or cancelled," + " "
                    + Main.EXIT_INTERNAL + " internal error (a bug: please report it with the output)."
        })
public final class Main implements Runnable {
    /**
     * An unexpected failure (a bug, a broken installation): distinct from 1, which means "some files were skipped",
     * so a script never takes a crash for a partly successful import.
     */
    public static final int EXIT_INTERNAL = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // core logs through System.Logger (java.util.logging); route it into SLF4J so one configuration rules
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int code;
        try {
            code = commandLine().execute(args);
        } catch (Throwable t) { // an Error (e.g. NoClassDefFoundError) passes through picocli
            code = internalError(t, new PrintWriter(System.err, true));
        }
        System.exit(code);
    }

    /** The command line: {@code import}, {@code serve}, {@code review} and {@code help}; a failure no command handles is exit code 4. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .addSubcommand("import", new ImportCommand())
                .addSubcommand("serve", new ServeCommand())
                .addSubcommand("review", new ReviewCommand())
                .addSubcommand("help", new CommandLine.HelpCommand())
                .setExecutionExceptionHandler((e, cmd, parsed) -> internalError(e, cmd.getErr()));
    }

    /** Reports an unexpected failure: the stack trace for a bug report, then one line saying what it means. */
    static int internalError(Throwable t, PrintWriter err) {
        t.printStackTrace(err);
        err.println("wkmp-ai: internal error: " + t + " (exit code " + EXIT_INTERNAL
                + "; this is a bug or a broken installation, not a problem with your files: please report it with the"
                + " output above)");
        err.flush();
        return EXIT_INTERNAL;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
