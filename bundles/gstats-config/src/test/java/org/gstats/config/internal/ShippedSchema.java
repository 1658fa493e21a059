package org.gstats.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.apache.felix.metatype.AD;
import org.apache.felix.metatype.Designate;
import org.apache.felix.metatype.MetaData;
import org.apache.felix.metatype.MetaDataReader;
import org.apache.felix.metatype.OCD;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The schema of the shipped bundles on the test class path, read from their generated
 * {@code OSGI-INF/metatype} files with Felix MetaType's own reader, as the MetaType service
 * reads them in the framework.
 */
final class ShippedSchema {

    private static final String FOLDER = "OSGI-INF/metatype/";
    private static final List<Schema.Declaration> DECLARATIONS = declarations();
    private static final Schema SCHEMA = Schema.of(DECLARATIONS);

    private ShippedSchema() {
    }

    static Schema get() {
        return SCHEMA;
    }

    /** The shipped schema with a plugin's declaration added, as when its bundle is dropped in. */
    static Schema with(Schema.Declaration plugin) {
        List<Schema.Declaration> declarations = new ArrayList<>(DECLARATIONS);
        declarations.add(plugin);
        return Schema.of(declarations);
    }

    private static List<Schema.Declaration> declarations() {
        List<Schema.Declaration> declarations = new ArrayList<>();
        try {
            Enumeration<URL> manifests = ShippedSchema.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                for (URL file : metaTypeFiles(manifests.nextElement())) {
                    MetaData data = new MetaDataReader().parse(file);
                    for (Object designate : data.getDesignates()) {
                        Designate one = (Designate) designate;
                        OCD ocd = (OCD) data.getObjectClassDefinitions().get(one.getObject().getOcdRef());
                        declarations.add(new Schema.Declaration(one.getPid(), new Definition(ocd)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return declarations;
    }

    private static List<URL> metaTypeFiles(URL manifest) throws IOException {
        List<URL> files = new ArrayList<>();
        if (manifest.getProtocol().equals("jar")) {
            try (JarFile jar = ((JarURLConnection) manifest.openConnection()).getJarFile()) {
                for (JarEntry entry : jar.stream().toList()) {
                    if (entry.getName().startsWith(FOLDER) && entry.getName().endsWith(".xml")) {
                        files.add(new URL("jar:" + Path.of(jar.getName()).toUri() + "!/" + entry.getName()));
                    }
                }
            }
        } else if (manifest.getProtocol().equals("file")) {
            Path folder;
            try {
                folder = Path.of(manifest.toURI()).getParent().resolveSibling(FOLDER);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            if (Files.isDirectory(folder)) {
                try (Stream<Path> paths = Files.list(folder)) {
                    for (Path path : paths.filter(p -> p.toString().endsWith(".xml")).toList()) {
                        files.add(path.toUri().toURL());
                    }
                }
            }
        }
        return files;
    }

    /** Felix's parsed object class under the service's interface. */
    private record Definition(OCD ocd) implements ObjectClassDefinition {

        @Override
        public String getName() {
            return ocd.getName();
        }

        @Override
        public String getID() {
            return ocd.getID();
        }

        @Override
        public String getDescription() {
            return ocd.getDescription();
        }

        @Override
        public AttributeDefinition[] getAttributeDefinitions(int filter) {
            Map<?, ?> attributes = ocd.getAttributeDefinitions();
            return attributes.values().stream().map(ad -> new Attribute((AD) ad)).toArray(AttributeDefinition[]::new);
        }

        @Override
        public InputStream getIcon(int size) {
            return null;
        }
    }

    /** Felix's parsed attribute under the service's interface. */
    private record Attribute(AD ad) implements AttributeDefinition {

        @Override
        public String getName() {
            return ad.getName();
        }

        @Override
        public String getID() {
            return ad.getID();
        }

        @Override
        public String getDescription() {
            return ad.getDescription();
        }

        @Override
        public int getCardinality() {
            return ad.getCardinality();
        }

        @Override
        public int getType() {
            return ad.getType();
        }

        @Override
        public String[] getOptionValues() {
            return ad.getOptionValues();
        }

        @Override
        public String[] getOptionLabels() {
            return ad.getOptionLabels();
        }

        @Override
        public String validate(String value) {
            return ad.validate(value);
        }

        @Override
        public String[] getDefaultValue() {
            return ad.getDefaultValue();
        }
    }
}
