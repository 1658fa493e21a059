package org.gstats.launcher;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command as a client hands it to the daemon: what a direct run would take from its own
 * process.
 *
 * @param arguments      bin/gstats' arguments
 * @param currentDir     the client's working directory, absolute
 * @param environment    the client's environment
 * @param stdoutTerminal whether the client's stdin and stdout are a terminal ({@code System.console()})
 * @param stderrTerminal whether the client's stderr is a terminal, as bin/gstats tested it
 * @param columns        the terminal's width as bin/gstats measured it, 0 when unknown
 * @param charset        the encoding of the client's standard output
 * @param heapMegabytes  the heap bin/gstats would give a direct run of this command
 */
record DaemonRequest(List<String> arguments, Path currentDir, Map<String, String> environment,
        boolean stdoutTerminal, boolean stderrTerminal, int columns, String charset, int heapMegabytes) {

    DaemonRequest {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(arguments.size());
        for (String argument : arguments) {
            DaemonProtocol.writeString(out, argument);
        }
        DaemonProtocol.writeString(out, currentDir.toString());
        out.writeInt(environment.size());
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            DaemonProtocol.writeString(out, variable.getKey());
            DaemonProtocol.writeString(out, variable.getValue());
        }
        out.writeBoolean(stdoutTerminal);
        out.writeBoolean(stderrTerminal);
        out.writeInt(columns);
        DaemonProtocol.writeString(out, charset);
        out.writeInt(heapMegabytes);
    }

    static DaemonRequest read(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > DaemonProtocol.MAX_LENGTH) {
            throw new IOException("not a gstats daemon's request");
        }
        List<String> arguments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            arguments.add(DaemonProtocol.readString(in));
        }
        Path currentDir = Path.of(DaemonProtocol.readString(in));
        int variables = in.readInt();
        if (variables < 0 || variables > DaemonProtocol.MAX_LENGTH) {
            throw new IOException("not a gstats daemon's request");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < variables; i++) {
            environment.put(DaemonProtocol.readString(in), DaemonProtocol.readString(in));
        }
        return new DaemonRequest(arguments, currentDir, environment, in.readBoolean(), in.readBoolean(),
                in.readInt(), DaemonProtocol.readString(in), in.readInt());
    }
}
