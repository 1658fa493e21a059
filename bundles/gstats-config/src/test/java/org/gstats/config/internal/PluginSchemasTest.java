package org.gstats.config.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gstats.config.api.ConfigException;
import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.EffectiveConfiguration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/** A plugin's [module.NAME] section checked against the MetaType its bundle declares. */
public class PluginSchemasTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    /** What the coupling plugin's bundle declares, as the MetaType service hands it over. */
    private static final Schema COUPLING = ShippedSchema.with(new Schema.Declaration("org.gstats.module.coupling",
            new Definition("[module.coupling] of the gstats configuration", new AttributeDefinition[] {
                new Attribute("min.degree", AttributeDefinition.INTEGER, 0, 0, new String[] {"30"}),
                new Attribute("kinds", AttributeDefinition.STRING, 10, Integer.MIN_VALUE, null)})));

    @Test
    public void aDeclaredKeyIsTypedAndAnUndeclaredOneIsWarnedAboutWithTheNearest() throws Exception {
        Path user = user("[module.coupling]\nmin-degre = 5\nmin-degree = 50\nkinds = [\"src\"]\n");

        EffectiveConfiguration configuration = resolve();

        assertEquals(50L, configuration.value("module.coupling.min-degree"));
        assertEquals(List.of("src"), configuration.value("module.coupling.kinds"));
        assertEquals(List.of(user + ":2: unknown key module.coupling.min-degre is ignored (did you mean "
                + "module.coupling.min-degree?)"), configuration.warnings());
    }

    @Test
    public void aValueTheAttributeDoesNotTakeStopsTheCommandInOneLine() throws Exception {
        Path user = user("[module.coupling]\nmin-degree = \"thirty\"\n");
        assertEquals(user + ":2: module.coupling.min-degree = \"thirty\" is not allowed: module.coupling.min-degree "
                + "takes a whole number from 0 to 2147483647",
                assertThrows(ConfigException.class, this::resolve).getMessage());

        user("[module.coupling]\nmin-degree = -1\n");
        assertEquals(user + ":2: module.coupling.min-degree = -1 is not allowed: module.coupling.min-degree takes a "
                + "whole number from 0 to 2147483647", assertThrows(ConfigException.class, this::resolve).getMessage());

        user("[module.coupling]\nkinds = \"src\"\n");
        assertEquals(user + ":2: module.coupling.kinds = \"src\" is not allowed: module.coupling.kinds takes a list "
                + "of texts such as [\"a\", \"b\"]", assertThrows(ConfigException.class, this::resolve).getMessage());
    }

    /** A third party's faulty declaration costs its key, with a warning, and stops nothing. */
    @Test
    public void aDefaultItsTypeDoesNotTakeLeavesTheKeyOutWithAWarning() throws Exception {
        Schema schema = ShippedSchema.with(new Schema.Declaration("org.gstats.module.faulty",
                new Definition("[module.faulty] of the gstats configuration", new AttributeDefinition[] {
                    new Attribute("depth", AttributeDefinition.INTEGER, 0, 0, new String[] {"deep"}),
                    new Attribute("width", AttributeDefinition.INTEGER, 0, 0, new String[] {"3"})})));
        Sources sources = new Sources(Map.of(), folder.getRoot().toPath().resolve("none.toml"), null, null, Map.of());

        EffectiveConfiguration configuration = new Resolver(sources, () -> schema)
                .resolve(new ConfigRequest(null, Map.of()));

        assertEquals(3L, configuration.value("module.faulty.width"));
        assertTrue(configuration.setting("module.faulty.depth").isEmpty());
        assertEquals(List.of("org.gstats.module.faulty declares module.faulty.depth with a default it does not take "
                + "(a whole number from 0 to 2147483647): the key is ignored"), configuration.warnings());
    }

    @Test
    public void aPluginWithoutSchemaGetsItsKeysAsTheFileTypesThem() throws Exception {
        user("[module.churn]\nwindow-days = 30\n");
        assertEquals(30L, resolve().value("module.churn.window-days"));
    }

    private Path user(String toml) throws Exception {
        Path file = folder.getRoot().toPath().resolve("config.toml");
        Files.writeString(file, toml, StandardCharsets.UTF_8);
        return file;
    }

    private EffectiveConfiguration resolve() throws ConfigException {
        Sources sources = new Sources(Map.of(), folder.getRoot().toPath().resolve("config.toml"), null, null, Map.of());
        return new Resolver(sources, () -> COUPLING).resolve(new ConfigRequest(null, Map.of()));
    }

    /** An attribute with a minimum, checked as the MetaType service checks it. */
    private record Definition(String description, AttributeDefinition[] attributes)
            implements ObjectClassDefinition {

        @Override
        public String getName() {
            return "gstats coupling plugin";
        }

        @Override
        public String getID() {
            return "org.gstats.plugins.coupling.internal.CouplingConfig";
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public AttributeDefinition[] getAttributeDefinitions(int filter) {
            return attributes.clone();
        }

        @Override
        public InputStream getIcon(int size) {
            return null;
        }
    }

    private record Attribute(String id, int type, int cardinality, long min, String[] defaults)
            implements AttributeDefinition {

        @Override
        public String getName() {
            return id;
        }

        @Override
        public String getID() {
            return id;
        }

        @Override
        public String getDescription() {
            return id;
        }

        @Override
        public int getCardinality() {
            return cardinality;
        }

        @Override
        public int getType() {
            return type;
        }

        @Override
        public String[] getOptionValues() {
            return null;
        }

        @Override
        public String[] getOptionLabels() {
            return null;
        }

        @Override
        public String validate(String value) {
            return type == INTEGER && Long.parseLong(value) < min ? value + " is below " + min : "";
        }

        @Override
        public String[] getDefaultValue() {
            return defaults;
        }
    }
}
