package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Function;
import org.junit.Test;

/** The shell's {@code help}: the gstats commands first, each in one line from its {@code @Descriptor}. */
public class HelpCommandTest {

    @Test
    public void theListNamesEachCommandWithItsLineThenHowToSeeEveryCommand() {
        String list = HelpCommand.list(List.of(new CommandCatalog.Entry("plugins", "list the plugins"),
                new CommandCatalog.Entry("scan", "scan a Git repository")));

        assertEquals("""
                gstats commands:
                  plugins  list the plugins
                  scan     scan a Git repository

                help COMMAND describes one (help scan lists scan's options); felix:help lists every command of the \
                shell, the framework's and Gogo's too.
                """, list);
    }

    @Test
    public void aCommandsLineIsTheDescriptorOfTheMethodGogoCalls() {
        assertEquals("list the plugins: name, version, API version, bundle, state and why it is not active",
                CommandCatalog.description(new PluginsCommand(new FakeRegistry()), "plugins"));
        assertEquals("a function", CommandCatalog.description(new DescribedFunction(), "plugin-validate"));
        assertEquals("", CommandCatalog.description(new Object(), "nothing"));
    }

    @Test
    public void theCommandsThisBundleOwnsHaveTheirOptionTables() {
        assertEquals(ScanOptionTable.OPTIONS, CommandCatalog.table("scan").orElseThrow());
        assertEquals("plugins", CommandCatalog.table("plugins").orElseThrow().command());
    }

    private static final class DescribedFunction implements Function {
        @Override
        @Descriptor("a function")
        public Object execute(CommandSession session, List<Object> arguments) {
            return null;
        }
    }
}
