package org.gstats.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleException;

/**
 * {@code bin/gstats}: starts Felix with the installation's bundles, then runs one
 * {@code gstats:} command headless and exits with its status, or opens the Gogo shell.
 */
public final class Main {

    static final String USAGE = """
            usage: gstats <command> [arguments]

            commands:
              scan [options] [PATH]   scan a Git repository (default: the current directory) and print a report
              plugins [options]       list the plugins: state (active, rejected, failing, disabled) and why
              plugin NAME             describe one plugin: info, state, data requirements, metrics
              plugin-validate FILE    say whether a plugin jar would load here, and why not
              config [--defaults] [PATH]
                                      show the configuration in effect for PATH, each key with where it
                                      came from; --defaults prints a commented default file
              sql "SELECT …"          read-only SQL over the scan store (--format text|csv|json|markdown)
              history [PATH]          the summary of every stored scan of a repository
              store info|clear PATH|gc
                                      the scan store: size and contents; forget a repository; drop rows
                                      no stored scan needs
              serve [--port N] [--bind ADDR] [--root DIR]... [--token T]
                                      the dashboard and REST API on http://127.0.0.1:8080/ until Ctrl-C
              shell                   open the interactive Gogo shell (gstats:scan, gstats:plugins, ...)
              help [COMMAND]          print this help, or the options of scan, plugins or config

            options (before or after the command):
              -v, --verbose           log details on stderr, stack traces with errors
              --quiet                 print only results and errors
              --config-file FILE      read FILE as configuration, above the environment and config files
              --log-format text|json  log lines as text or JSON objects
              --log-file FILE         also write log lines to FILE
              --plugin-dir DIR        the watched plugin folder (before the command; default: plugins/ of
                                      the installation)
            environment:              GSTATS_CONFIG (a configuration file), GSTATS_* (single keys: see
                                      gstats config --defaults), JAVA_HOME, JAVA_OPTS (e.g. JAVA_OPTS=-Xmx64m),
                                      GSTATS_PLUGIN_DIR
            exit status:              0 success, 1 scan failed or commits could not be read, 2 bad usage or
                                      input, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM)
            """;

    /** The bundle that runs the Gogo console on stdin and stdout. */
    static final String CONSOLE_BUNDLE = "org.apache.felix.gogo.shell";
    /** gogo.shell's arguments: a console for {@code shell}, none (and no shutdown) otherwise. */
    static final String GOSH_ARGS = "gosh.args";
    static final String GOSH_HEADLESS = "--nointeractive --noshutdown";
    static final String GOSH_INTERACTIVE = "";
    /** Commands that print their own options with {@code --help}, from their option table; Gogo describes the rest. */
    private static final Set<String> SELF_DESCRIBED = Set.of("gstats:scan", "gstats:plugins");

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream results = System.out;
        Interruption interruption = Interruption.install(Thread.currentThread(), System.err);
        PrintStream err = interruption.err();
        System.setErr(err);
        // Felix, FileInstall and bundles print through System.out; stdout is for results alone.
        System.setOut(err);
        int status;
        try {
            status = run(List.of(args), System.in, results, err);
        } catch (Error e) {
            // exit all the same: the framework's threads would keep the JVM alive
            err.println("gstats: " + Failures.oneLine(e));
            if (List.of(args).contains("--verbose") || List.of(args).contains("-v")) {
                e.printStackTrace(err);
            }
            status = 1;
        }
        results.flush();
        System.exit(interruption.status(status));
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            if (args.isEmpty()) {
                err.print(USAGE);
            } else {
                err.println("gstats: " + e.getMessage());
            }
            return 2;
        }
        if (commandLine.command() == CommandLine.Command.HELP && commandLine.helpTopic().isEmpty()) {
            out.print(USAGE);
            return 0;
        }
        Optional<Path> pluginFolder;
        try {
            pluginFolder = PluginFolder.choose(commandLine.pluginDir(),
                    System.getenv(PluginFolder.ENVIRONMENT_VARIABLE), Path.of("").toAbsolutePath());
        } catch (CommandLine.UsageException e) {
            err.println("gstats: " + e.getMessage());
            return 2;
        }
        try {
            return launch(commandLine, pluginFolder, in, out, err);
        } catch (IOException | BundleException | RuntimeException e) {
            err.println("gstats: " + Failures.oneLine(e));
            if (commandLine.verbose()) {
                e.printStackTrace(err);
            }
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("gstats: interrupted");
            return 1;
        }
    }

    /** Framework property prefix under which gstats-config finds the launcher's options, by key. */
    static final String OPTION_PREFIX = "gstats.option.";
    static final String CONFIG_FILE_PROPERTY = "gstats.config.file";

    /** Hands the launcher's options to gstats-config as the command-line rung. */
    static void configure(CommandLine commandLine, Map<String, String> properties) {
        commandLine.settings().forEach((key, value) -> properties.put(OPTION_PREFIX + key, value));
        if (commandLine.configFile() != null) {
            properties.put(CONFIG_FILE_PROPERTY, commandLine.configFile());
        }
    }

    private static int launch(CommandLine commandLine, Optional<Path> pluginFolder, InputStream in, PrintStream out,
            PrintStream err)
            throws IOException, BundleException, InterruptedException {
        Installation installation = Installation.locate();
        installation.applySystemProperties();
        Map<String, String> properties = installation.frameworkProperties();
        configure(commandLine, properties);
        pluginFolder.ifPresent(folder -> properties.put(PluginFolder.PROPERTY, folder.toString()));
        boolean shell = commandLine.command() == CommandLine.Command.SHELL;
        properties.put(GOSH_ARGS, shell ? GOSH_INTERACTIVE : GOSH_HEADLESS);
        // The console reads its first line as soon as it starts: it waits for the gstats commands.
        Set<String> deferred = shell ? Set.of(CONSOLE_BUNDLE) : Set.of();
        try (EmbeddedFramework framework = EmbeddedFramework.start(properties, installation.bundles(), deferred)) {
            if (shell) {
                try {
                    new CommandServices(framework.context()).await(CommandServices.GSTATS_COMMANDS);
                } catch (CommandServices.UnavailableException e) {
                    err.println("gstats: " + e.getMessage() + "; opening the shell anyway");
                }
                framework.startDeferred();
                framework.awaitStop();
                return 0;
            }
            HeadlessCommand headless = new HeadlessCommand(framework.context());
            Optional<String> topic = commandLine.helpTopic();
            if (topic.isPresent() && SELF_DESCRIBED.contains(topic.get())) {
                return headless.run(topic.get(), List.of("--help"), List.of(topic.get()), commandLine.verbose(), in, out,
                        err);
            }
            if (topic.isPresent()) {
                return headless.run(CommandServices.HELP_COMMAND, List.of(topic.get()),
                        List.of(CommandServices.HELP_COMMAND, topic.get()), commandLine.verbose(), in, out, err);
            }
            String command = "gstats:" + commandLine.command().word();
            return headless.run(command, commandLine.arguments(), List.of(command), commandLine.verbose(), in, out,
                    err);
        }
    }
}
