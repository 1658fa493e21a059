package org.gstats.itests.plugins;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.gstats.api.ScannerPlugin;

/**
 * A plugin jar as a third party's build makes it: one plugin class, a DS component description
 * that registers it as a {@link ScannerPlugin}, and a manifest that imports the API in the range
 * the plugin was built for. Built by the tests, so that no binary is checked in.
 */
public final class PluginJar {

    /** The range a plugin built against this API imports. */
    public static final String CURRENT_API = "[1.1,2)";

    private final String symbolicName;
    private final String version;
    private final Class<?> pluginClass;
    private String apiRange = CURRENT_API;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private PluginJar(String symbolicName, String version, Class<?> pluginClass) {
        this.symbolicName = symbolicName;
        this.version = version;
        this.pluginClass = pluginClass;
    }

    public static PluginJar of(String symbolicName, String version, Class<?> pluginClass) {
        return new PluginJar(symbolicName, version, pluginClass);
    }

    /** Imports {@code org.gstats.api} in this range instead, as a build against another API would. */
    public PluginJar apiRange(String range) {
        apiRange = range;
        return this;
    }

    /** A property of the DS component, given to its {@code activate(Map)} method. */
    public PluginJar property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    public byte[] bytes() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Import-Package", "org.gstats.api;version=\"" + apiRange + "\","
                + "org.gstats.api.report;version=\"" + CURRENT_API + "\"");
        main.putValue("Require-Capability", "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)"
                + "(version>=1.3.0)(!(version>=2.0.0)))\"");
        main.putValue("Service-Component", "OSGI-INF/plugin.xml");
        StringBuilder component = new StringBuilder()
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"")
                .append(symbolicName).append(properties.isEmpty() ? "\">\n" : "\" activate=\"activate\">\n")
                .append("  <implementation class=\"").append(pluginClass.getName()).append("\"/>\n")
                .append("  <service><provide interface=\"").append(ScannerPlugin.class.getName())
                .append("\"/></service>\n");
        properties.forEach((name, value) -> component.append("  <property name=\"").append(name)
                .append("\" value=\"").append(value).append("\"/>\n"));
        component.append("</scr:component>\n");
        String classFile = pluginClass.getName().replace('.', '/') + ".class";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest);
                InputStream code = pluginClass.getClassLoader().getResourceAsStream(classFile)) {
            jar.putNextEntry(new JarEntry(classFile));
            code.transferTo(jar);
            jar.putNextEntry(new JarEntry("OSGI-INF/plugin.xml"));
            jar.write(component.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes the jar beside the folder and moves it in, so that FileInstall never sees half a
     * file; replaces a jar of the same name.
     */
    public Path dropInto(Path folder, String fileName) {
        return drop(bytes(), folder, fileName);
    }

    /** A jar with a manifest but no OSGi headers, as a plain Maven build makes it. */
    public static byte[] notABundle() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("readme.txt"));
            jar.write("no bundle here\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Moves {@code content} into {@code folder} as {@code fileName} whole, as a user's {@code mv} would. */
    public static Path drop(byte[] content, Path folder, String fileName) {
        try {
            Path temp = Files.createTempFile(folder.getParent(), fileName, ".part");
            Files.write(temp, content);
            return Files.move(temp, folder.resolve(fileName), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
