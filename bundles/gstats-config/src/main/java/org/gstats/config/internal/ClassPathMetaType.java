package org.gstats.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
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
 * What the MetaType service gives gstats-config in Felix, read without a framework: every
 * {@code OSGI-INF/metatype/*.xml} of the bundle jars on a class path, parsed by Felix
 * MetaType's own reader, as object classes by the PID they are designated for. The
 * components' annotations stay the one schema; their generated files are what is read. For
 * gstats run as plain libraries ({@link StandaloneConfiguration}, the fleet) and for the tests
 * that hold the shipped files to the schema; in the framework the MetaType service does this,
 * so the bundle imports Felix MetaType's package optionally.
 */
public final class ClassPathMetaType {

    private static final String FOLDER = "OSGI-INF/metatype/";

    private ClassPathMetaType() {
    }

    /**
     * The object classes of every bundle on {@code loader}'s class path, each with the PID (or
     * factory PID) it is designated for; a list, since several bundles may designate one PID
     * (their keys share a section), as the MetaType service keeps them apart too.
     */
    public static List<Map.Entry<String, ObjectClassDefinition>> definitions(ClassLoader loader) throws IOException {
        List<Map.Entry<String, ObjectClassDefinition>> definitions = new ArrayList<>();
        Enumeration<URL> manifests = loader.getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            for (URL file : metaTypeFiles(manifests.nextElement())) {
                MetaData data = new MetaDataReader().parse(file);
                if (data == null || data.getDesignates() == null) {
                    continue;
                }
                for (Object each : data.getDesignates()) {
                    Designate designate = (Designate) each;
                    OCD ocd = (OCD) data.getObjectClassDefinitions().get(designate.getObject().getOcdRef());
                    definitions.add(Map.entry(designate.getPid() != null ? designate.getPid() : designate.getFactoryPid(),
                            new Definition(ocd)));
                }
            }
        }
        return definitions;
    }

    /** The MetaType files beside a manifest on the class path: in its jar, or in its classes folder. */
    private static List<URL> metaTypeFiles(URL manifest) throws IOException {
        List<URL> files = new ArrayList<>();
        if (manifest.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) manifest.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                for (JarEntry entry : jar.stream().toList()) {
                    if (entry.getName().startsWith(FOLDER) && entry.getName().endsWith(".xml")) {
                        String base = manifest.toString();
                        files.add(new URL(base.substring(0, base.length() - "META-INF/MANIFEST.MF".length())
                                + entry.getName()));
                    }
                }
            }
        } else if (manifest.getProtocol().equals("file")) {
            // a module's classes folder, as a build within the reactor puts it on the class path
            Path folder = Path.of(URI.create(manifest.toString())).getParent().resolveSibling(FOLDER);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> paths = Files.list(folder)) {
                    for (Path path : paths.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
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
            return attributes == null ? new AttributeDefinition[0]
                    : attributes.values().stream().map(ad -> new Attribute((AD) ad)).toArray(AttributeDefinition[]::new);
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
