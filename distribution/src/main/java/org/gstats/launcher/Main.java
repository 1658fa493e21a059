package org.gstats.launcher;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleException;

/**
 * {@code bin/gstats}: starts Felix with the installation's bundles, then runs one
 * {@code gstats:} command headless and exits with its status, or opens the Gogo shell.
 */
public final class Main {

    static final String USAGE = "usage: gstats <command> [arguments]\n\ncommands:\n" + commandList() + """

            options (before or after the command):
              -h, --help              print this help; after a command, its help
              --version               print the versions of gstats, Java and Felix
              -v, --verbose           log details on stderr, stack traces with errors
              -q, --quiet             print only results and errors
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

    /**
     * The bundle that runs the Gogo console on the terminal, started for {@code shell} alone: a
     * headless run never opens the terminal nor reads stdin.
     */
    static final String CONSOLE_BUNDLE = "org.apache.felix.gogo.jline";
    /** Where the shell's profile (etc/gosh_profile) finds the history file. */
    static final String HISTORY_PROPERTY = "gstats.shell.history";
    /** JLine, which finds its terminal providers through the thread's context class loader. */
    static final String JLINE_BUNDLE = "org.jline";
    /** Commands that print their own options with {@code --help}, from their option table. */
    private static final Set<CommandLine.Command> SELF_DESCRIBED = Set.of(CommandLine.Command.SCAN,
            CommandLine.Command.PLUGINS);
    /** Commands whose Gogo descriptors say more than their line in the usage. */
    private static final Set<CommandLine.Command> GOGO_DESCRIBED = Set.of(CommandLine.Command.CONFIG,
            CommandLine.Command.PLUGIN, CommandLine.Command.MAILMAP);
    private static final int DESCRIPTION_COLUMN = 26;

    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("JVM started, launcher's main entered");
        ClosedPipe stdout = new ClosedPipe(new FileOutputStream(FileDescriptor.out));
        PrintStream results = new PrintStream(new BufferedOutputStream(stdout), false, stdoutCharset());
        Interruption interruption = Interruption.install(Thread.currentThread(), System.err);
        PrintStream err = interruption.err();
        System.setErr(err);
        // Felix, FileInstall and bundles print through System.out; stdout is for results alone.
        System.setOut(err);
        int status;
        try {
            status = run(List.of(args), System.in, results, err, stdout::closed);
        } catch (OutOfMemoryError e) {
            // one outside any plugin's or the scan's own handling (those name their step)
            err.println("gstats: out of memory; give gstats more heap (JAVA_OPTS=-Xmx2g) or try "
                    + "--performance-mode low");
            if (List.of(args).contains("--verbose") || List.of(args).contains("-v")) {
                e.printStackTrace(err);
            }
            status = 1;
        } catch (Error e) {
            // exit all the same: the framework's threads would keep the JVM alive
            err.println("gstats: " + Failures.oneLine(e));
            if (List.of(args).contains("--verbose") || List.of(args).contains("-v")) {
                e.printStackTrace(err);
            }
            status = 1;
        }
        results.flush();
        StartupTrace.mark("framework stopped");
        StartupTrace.threads();
        // the reader of a pipe went away (gstats scan | head -1): git ends quietly and successfully
        System.exit(interruption.status(stdout.closed() ? 0 : status));
    }

    /** The shell's history: {@code $XDG_STATE_HOME/gstats/history}, by default under {@code ~/.local/state}. */
    static Path historyFile(String stateHome, String userHome) {
        Path state = stateHome != null && Path.of(stateHome).isAbsolute() ? Path.of(stateHome)
                : Path.of(userHome, ".local", "state");
        return state.resolve("gstats").resolve("history");
    }

    /** The encoding the JVM would have given System.out (also the one a daemon's client sends). */
    static Charset stdoutCharset() {
        String name = System.getProperty("sun.stdout.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /** The usage's list of commands, from {@link CommandLine.Command}. */
    private static String commandList() {
        StringBuilder list = new StringBuilder();
        for (CommandLine.Command command : CommandLine.Command.values()) {
            String left = "  " + (command.word() + " " + command.synopsis()).strip();
            list.append(left);
            list.append(left.length() < DESCRIPTION_COLUMN ? " ".repeat(DESCRIPTION_COLUMN - left.length())
                    : "\n" + " ".repeat(DESCRIPTION_COLUMN));
            list.append(command.description()).append('\n');
        }
        return list.toString();
    }

    /** A command's help from its line in the usage. */
    static String commandHelp(CommandLine.Command command) {
        return ("usage: gstats " + command.word() + " " + command.synopsis()).strip() + "\n\n"
                + command.description() + "\n";
    }

    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, () -> false);
    }

    /**
     * @param closedPipe whether stdout's reader has gone: a command that failed for that alone
     *                   ends quietly
     */
    static int run(List<String> args, InputStream in, PrintStream out, PrintStream err, BooleanSupplier closedPipe) {
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
        if (commandLine.command() == CommandLine.Command.VERSION) {
            out.print(Version.describe());
            return 0;
        }
        Optional<CommandLine.Command> topic = commandLine.helpTopic();
        if (commandLine.command() == CommandLine.Command.HELP
                && topic.filter(t -> SELF_DESCRIBED.contains(t) || GOGO_DESCRIBED.contains(t)).isEmpty()) {
            out.print(topic.map(Main::commandHelp).orElse(USAGE));
            return 0;
        }
        if (commandLine.command() == CommandLine.Command.DAEMON) {
            return DaemonControl.run(commandLine.arguments(), out, err);
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
            return launch(commandLine, pluginFolder, in, out, err, closedPipe);
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
            PrintStream err, BooleanSupplier closedPipe)
            throws IOException, BundleException, InterruptedException {
        boolean shell = commandLine.command() == CommandLine.Command.SHELL;
        boolean scan = commandLine.command() == CommandLine.Command.SCAN && commandLine.helpTopic().isEmpty();
        try (EmbeddedFramework framework = startFramework(commandLine, pluginFolder, shell, scan)) {
            if (shell) {
                try {
                    new CommandServices(framework.context()).await(CommandServices.GSTATS_COMMANDS);
                } catch (CommandServices.UnavailableException e) {
                    err.println("gstats: " + e.getMessage() + "; opening the shell anyway");
                }
                // the console's thread inherits this loader, through which JLine finds its terminal
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                framework.classLoader(JLINE_BUNDLE).ifPresent(thread::setContextClassLoader);
                try {
                    framework.startDeferred();
                } finally {
                    thread.setContextClassLoader(previous);
                }
                framework.awaitStop();
                return 0;
            }
            int status = headless(framework, commandLine, HeadlessCommand.Context.ofProcess(), in, out, err,
                    closedPipe);
            // in the run that writes the class archive (kept only when the command succeeded), while
            // the bundles' class loaders still serve
            if (status == 0) {
                int linked = ClassArchiveLinks.linkLoadedClasses(framework.context());
                if (linked > 0) {
                    StartupTrace.mark(linked + " bundle classes linked for the class archive");
                }
            }
            // main exits next: a one-shot run stops only what holds resources
            framework.closeBeforeExit();
            return status;
        }
    }

    /**
     * The store's framework property that has it connect while the framework starts (the store bundle's
     * EarlyConnectionStarter.PROPERTY, which the launcher cannot import; StoreLauncherIT fails if they part).
     */
    static final String STORE_EARLY_PROPERTY = "gstats.store.connect-early";
    /** Its value for the configured store (GSTATS_STORE, [store] url, the default H2 file); else a JDBC URL. */
    static final String CONFIGURED_STORE = "configured";

    /**
     * The store a direct scan connects to while its framework starts: the URL its {@code --store}
     * names, else the configured one; none with {@code --no-store}, where connecting would open a
     * file the scan never reads.
     */
    static Optional<String> earlyStore(List<String> scanArguments) {
        if (scanArguments.contains("--no-store")) {
            return Optional.empty();
        }
        int store = scanArguments.lastIndexOf("--store");
        return Optional.of(store >= 0 && store + 1 < scanArguments.size() ? scanArguments.get(store + 1)
                : CONFIGURED_STORE);
    }

    /**
     * The store's framework property listing where the scan's repository may be (the store bundle's
     * EarlyConnectionStarter.REPOSITORIES; StoreLauncherIT fails if they part).
     */
    static final String STORE_EARLY_REPOSITORIES_PROPERTY = "gstats.store.connect-early.repositories";

    /**
     * Where a direct scan's repository may be, most likely first, as the scan names a repository
     * (absolute, normalised): each argument that names a folder, else the current one (the
     * default). Which argument is the repository only the scan's option table says, and the
     * framework has it; the store reads ahead what it holds of the first it knows, and the scan's
     * open uses that only for the repository it scans.
     */
    static List<String> likelyRepositories(List<String> scanArguments) {
        Set<String> folders = new LinkedHashSet<>();
        for (String argument : scanArguments) {
            if (argument.startsWith("-")) {
                continue;
            }
            try {
                Path folder = Path.of(argument);
                if (Files.isDirectory(folder)) {
                    folders.add(folder.toAbsolutePath().normalize().toString());
                }
            } catch (InvalidPathException e) {
                // not a path: the scan says what it is
            }
        }
        if (folders.isEmpty()) {
            folders.add(Path.of("").toAbsolutePath().normalize().toString());
        }
        return List.copyOf(folders);
    }

    /**
     * The scanner's framework property that has it load JGit's process-wide state while the framework
     * starts (the scanner bundle's JGitWarmUp.PROPERTY; StartupLauncherIT fails if they part).
     */
    static final String SCANNER_WARM_UP_PROPERTY = "gstats.scanner.warm-up";

    /**
     * Starts Felix with the installation's bundles and the launcher's options as the command-line
     * rung of the configuration; a direct run's and the daemon's.
     *
     * @param oneScan whether the process runs one scan and ends: JGit's state then loads while the framework
     *                starts, and the store it names connects meanwhile (never in a process that lives on, which
     *                would keep an embedded store's file locked between its commands)
     */
    static EmbeddedFramework startFramework(CommandLine commandLine, Optional<Path> pluginFolder, boolean shell,
            boolean oneScan) throws IOException, BundleException {
        Installation installation = Installation.locate();
        installation.applySystemProperties();
        Map<String, String> properties = installation.frameworkProperties();
        configure(commandLine, properties);
        if (oneScan) {
            properties.put(SCANNER_WARM_UP_PROPERTY, "true");
            earlyStore(commandLine.arguments()).ifPresent(store -> {
                properties.put(STORE_EARLY_PROPERTY, store);
                properties.put(STORE_EARLY_REPOSITORIES_PROPERTY,
                        String.join("\n", likelyRepositories(commandLine.arguments())));
            });
        }
        pluginFolder.ifPresent(folder -> properties.put(PluginFolder.PROPERTY, folder.toString()));
        if (shell) {
            Path history = historyFile(System.getenv("XDG_STATE_HOME"), System.getProperty("user.home"));
            Files.createDirectories(history.getParent());
            properties.put(HISTORY_PROPERTY, history.toString());
        }
        List<Path> bundles = installation.bundles();
        List<Path> jars = new ArrayList<>(installation.libraries());
        jars.addAll(bundles);
        Optional<FrameworkCache> cache = FrameworkCache.locate(System.getenv(FrameworkCache.ENVIRONMENT_VARIABLE),
                System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"), installation.home(), jars);
        // The console reads its first line as soon as it starts: it waits for the gstats commands. A
        // headless run leaves JLine, which only the console uses, installed but not even resolved.
        Set<String> deferred = shell ? Set.of(CONSOLE_BUNDLE) : Set.of(CONSOLE_BUNDLE, JLINE_BUNDLE);
        return EmbeddedFramework.start(properties, bundles, deferred, cache);
    }

    /** Runs a command other than {@code shell} on a started framework, in a session set up as {@code where} says. */
    static int headless(EmbeddedFramework framework, CommandLine commandLine, HeadlessCommand.Context where,
            InputStream in, PrintStream out, PrintStream err, BooleanSupplier closedPipe)
            throws InterruptedException {
        HeadlessCommand headless = new HeadlessCommand(framework.context(), closedPipe, where);
        Optional<CommandLine.Command> topic = commandLine.helpTopic();
        if (topic.isPresent() && SELF_DESCRIBED.contains(topic.get())) {
            String command = "gstats:" + topic.get().word();
            return headless.run(command, List.of("--help"), List.of(command), commandLine.verbose(), in, out, err);
        }
        if (topic.isPresent()) {
            String command = "gstats:" + topic.get().word();
            return headless.run(CommandServices.HELP_COMMAND, List.of(command),
                    List.of(CommandServices.HELP_COMMAND, command), commandLine.verbose(), in, out, err);
        }
        String command = "gstats:" + commandLine.command().word();
        return headless.run(command, commandLine.arguments(), List.of(command), commandLine.verbose(), in, out,
                err);
    }
}
