package io.wkmp.ingest.server;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wkmp-ai} command line: {@code serve} (web wizard and API) and the other subcommands registered here. */
@Command(name = "wkmp-ai", mixinStandardHelpOptions = true, version = "wkmp-ai 0.1.0",
        description = "WKMP Audio Ingest: imports a music folder into the WKMP database.")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(defaultWiring()).execute(args));
    }

    /** The command line over {@code wiring}. */
    public static CommandLine commandLine(ServerWiring wiring) {
        return new CommandLine(new Main()).addSubcommand("serve", new ServeCommand(wiring));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static ServerWiring defaultWiring() {
        return ServiceLoader.load(ServerWiring.class).findFirst().orElse(root -> {
            throw new IllegalStateException("no ServerWiring implementation on the class path (META-INF/services/"
                    + ServerWiring.class.getName() + ")");
        });
    }
}
