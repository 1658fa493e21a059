package org.gstats.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.gstats.config.api.ConfigRequest;
import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.GstatsConfiguration;
import org.gstats.config.api.Setting;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * gstats-config's schema is the MetaType of the installed bundles, as the framework's MetaType
 * service reads it: every setting a shipped component declares for a section of the
 * configuration files (an object class whose description begins with {@code [section]}) is a
 * key with the same default, and the shipped {@code conf/gstats.toml} is what
 * {@code gstats config --defaults} writes from it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SchemaAgreementIT {

    @Inject
    private BundleContext context;

    @Inject
    private MetaTypeService metaTypes;

    @Inject
    private GstatsConfiguration configuration;

    @Configuration
    public Option[] configuration() {
        return ShippedSystem.options();
    }

    @Test
    public void everyDeclaredSettingIsAKeyWithTheSameDefault() throws Exception {
        EffectiveConfiguration defaults = configuration.resolve(new ConfigRequest(null, Map.of()));
        List<String> checked = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation information = metaTypes.getMetaTypeInformation(bundle);
            for (String pid : information == null ? new String[0] : information.getPids()) {
                ObjectClassDefinition definition = information.getObjectClassDefinition(pid, null);
                String description = definition.getDescription();
                if (!pid.startsWith("org.gstats.") || description == null || !description.startsWith("[")) {
                    continue;
                }
                String section = description.substring(1, description.indexOf(']'));
                for (AttributeDefinition attribute : definition.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                    String key = section + "." + attribute.getID().replace('.', '-');
                    Setting setting = defaults.setting(key).orElseThrow(
                            () -> new AssertionError(pid + " declares " + key + ", which gstats-config does not know"));
                    assertEquals(key + " (" + pid + ")", normal(declared(attribute)),
                            normal(setting.value() instanceof List<?> list ? list : List.of(setting.value())));
                    checked.add(key);
                }
            }
        }
        assertTrue("too few declared settings found: " + checked, checked.size() >= 25);
    }

    @Test
    public void theShippedDefaultsFileIsWhatTheRunningFrameworkWrites() throws Exception {
        Path shipped = Path.of(System.getProperty("gstats.config.dir"), "gstats.toml");
        assertEquals("config/gstats.toml is out of date: gstats config --defaults > config/gstats.toml",
                configuration.defaultsFile(), Files.readString(shipped, StandardCharsets.UTF_8));
    }

    /** The declared default; MetaType gives an empty list's as one empty text. */
    private static List<String> declared(AttributeDefinition attribute) {
        String[] values = attribute.getDefaultValue();
        if (values == null || attribute.getCardinality() != 0 && values.length == 1 && values[0].isEmpty()) {
            return List.of();
        }
        return Arrays.asList(values);
    }

    /** Values compared as numbers where they are numbers, so that 0.30 is 0.3 and 10 is 10.0. */
    private static List<String> normal(List<?> values) {
        List<String> normal = new ArrayList<>();
        for (Object value : values) {
            String text = String.valueOf(value);
            try {
                normal.add(Double.toString(Double.parseDouble(text)));
            } catch (NumberFormatException e) {
                normal.add(text);
            }
        }
        return normal;
    }
}
