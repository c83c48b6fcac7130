package io.wkmp.ingest.server;

import io.wkmp.ingest.server.cli.ImportCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wkmp-ai} command line: {@code serve} (web wizard and API) and the other subcommands registered here. */
@Command(
        name = "wkmp-ai",
        mixinStandardHelpOptions = true,
        version = "wkmp-ai 0.1.0",
        description = "WKMP Audio Ingest: imports a music folder into the WKMP database.")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // core logs through System.Logger (java.util.logging); route it into SLF4J so one configuration rules
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(commandLine().execute(args));
    }

    /** The command line: {@code import} and {@code serve}. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .addSubcommand("import", new ImportCommand())
                .addSubcommand("serve", new ServeCommand());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
