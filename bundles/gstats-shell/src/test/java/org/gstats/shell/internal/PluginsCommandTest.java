package org.gstats.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.gstats.api.scan.PluginInfo;
import org.junit.After;
import org.junit.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code gstats:plugins} run through Gogo's real parser. */
public class PluginsCommandTest {

    private final List<PluginInfo> plugins = new ArrayList<>(List.of(
            new PluginInfo("commits", "Commit and author activity", "0.1.0.202401151000", "gstats-plugin-commits", 12,
                    "active"),
            new PluginInfo("old-plugin", "Built for API 0.9", "0.9.0", "com.example.old", 31,
                    "rejected: needs org.gstats.api [0.9,1)")));
    private final GogoSession gogo = new GogoSession().register("plugins", new PluginsCommand(() -> plugins));

    @After
    public void tearDown() {
        gogo.close();
    }

    @Test
    public void listsPluginsAsAnAlignedTable() {
        assertNull(gogo.execute("gstats:plugins"));

        assertEquals(""
                + "name        version             bundle                 state                                   description\n"
                + "commits     0.1.0.202401151000  gstats-plugin-commits  active                                  Commit and author activity\n"
                + "old-plugin  0.9.0               com.example.old        rejected: needs org.gstats.api [0.9,1)  Built for API 0.9\n",
                gogo.out());
        assertEquals(0, gogo.exitCode());
    }

    @Test
    public void saysSoWhenThereAreNoPlugins() {
        plugins.clear();

        assertNull(gogo.execute("gstats:plugins"));

        assertEquals("no plugins\n", gogo.out());
    }

    @Test
    public void jsonListsEveryAttribute() {
        assertNull(gogo.execute("gstats:plugins --format json"));

        JsonArray list = JsonParser.parseString(gogo.out()).getAsJsonObject().getAsJsonArray("plugins");
        assertEquals(2, list.size());
        JsonObject commits = list.get(0).getAsJsonObject();
        assertEquals("commits", commits.get("name").getAsString());
        assertEquals("0.1.0.202401151000", commits.get("version").getAsString());
        assertEquals("gstats-plugin-commits", commits.get("bundle").getAsString());
        assertEquals(12, commits.get("bundle_id").getAsLong());
        assertEquals("active", commits.get("state").getAsString());
        assertEquals("Commit and author activity", commits.get("description").getAsString());
        assertEquals("rejected: needs org.gstats.api [0.9,1)",
                list.get(1).getAsJsonObject().get("state").getAsString());
        assertTrue(gogo.out().startsWith("{\n  \"plugins\": [\n"));
    }

    @Test
    public void unknownFormatIsBadUsage() {
        Exception failure = gogo.execute("gstats:plugins --format xml");

        assertEquals("unknown format 'xml' (available: json, text)", failure.getMessage());
        assertEquals(2, gogo.exitCode());
    }

    @Test
    public void unknownOptionOrArgumentIsBadUsage() {
        assertEquals("unknown option '--all' (gstats:plugins takes --format json|text and -v/--verbose)",
                gogo.execute("gstats:plugins --all").getMessage());
        assertEquals(2, gogo.exitCode());
        assertEquals("unexpected argument 'commits' (gstats:plugins takes --format json|text and -v/--verbose)",
                gogo.execute("gstats:plugins commits").getMessage());
        assertEquals(2, gogo.exitCode());
    }
}
