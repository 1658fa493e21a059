package org.gstats.config.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.Setting;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Puts the installation's configuration into Configuration Admin: one configuration per PID of
 * the components that read it ({@code org.gstats.base}, {@code org.gstats.memory},
 * {@code org.gstats.module.commits}, ...), updated only when a value changed, bound to no bundle
 * so that any component may designate it; a plugin's section that no file holds any more is
 * deleted. Nothing waits for components to be told: what one scan needs travels in its request.
 */
final class Publisher {

    private static final String ANY_LOCATION = "?";

    private final ConfigurationAdmin admin;

    Publisher(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    /** The configurations by PID, as Configuration Admin will hold them; keys of scans only are left out. */
    static Map<String, Hashtable<String, Object>> dictionaries(EffectiveConfiguration configuration, Schema schema) {
        Map<String, Hashtable<String, Object>> byPid = new LinkedHashMap<>();
        for (Setting setting : configuration.settings()) {
            String pid = schema.pid(setting.key());
            if (pid != null) {
                byPid.computeIfAbsent(pid, p -> new Hashtable<>())
                        .put(Schema.property(Schema.name(setting.key())), value(setting.value()));
            }
        }
        return byPid;
    }

    private static Object value(Object value) {
        return value instanceof List<?> list ? list.stream().map(Object::toString).toArray(String[]::new) : value;
    }

    /**
     * Updates the configurations that differ; Configuration Admin tells the components in its
     * own time.
     *
     * @return whether any configuration changed
     */
    synchronized boolean publish(EffectiveConfiguration configuration, Schema schema) throws IOException {
        boolean changed = false;
        Map<String, Hashtable<String, Object>> dictionaries = dictionaries(configuration, schema);
        for (Map.Entry<String, Hashtable<String, Object>> entry : dictionaries.entrySet()) {
            Configuration target = admin.getConfiguration(entry.getKey(), ANY_LOCATION);
            if (!sameValues(target.getProperties(), entry.getValue())) {
                target.update(entry.getValue());
                changed = true;
            }
        }
        return deleteModulesNoLongerConfigured(dictionaries.keySet()) || changed;
    }

    /** A plugin's section taken out of every file leaves no configuration behind. */
    private boolean deleteModulesNoLongerConfigured(Set<String> pids) throws IOException {
        Configuration[] modules;
        try {
            modules = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + Schema.PID_PREFIX
                    + Schema.MODULE_PREFIX + "*)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the module filter is malformed", e);
        }
        boolean deleted = false;
        for (Configuration module : modules == null ? new Configuration[0] : modules) {
            if (!pids.contains(module.getPid())) {
                module.delete();
                deleted = true;
            }
        }
        return deleted;
    }

    private static boolean sameValues(Dictionary<String, Object> current, Map<String, Object> wanted) {
        if (current == null) {
            return false;
        }
        Map<String, Object> values = new HashMap<>();
        for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!key.equals(Constants.SERVICE_PID) && !key.equals(ConfigurationAdmin.SERVICE_FACTORYPID)
                    && !key.equals(ConfigurationAdmin.SERVICE_BUNDLELOCATION)) {
                values.put(key, current.get(key));
            }
        }
        if (!values.keySet().equals(wanted.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> entry : wanted.entrySet()) {
            Object have = values.get(entry.getKey());
            Object want = entry.getValue();
            if (want instanceof Object[] array ? !(have instanceof Object[] other && Arrays.equals(array, other))
                    : !Objects.equals(have, want)) {
                return false;
            }
        }
        return true;
    }
}
