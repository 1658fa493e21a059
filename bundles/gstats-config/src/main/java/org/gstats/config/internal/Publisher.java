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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.gstats.config.api.EffectiveConfiguration;
import org.gstats.config.api.Setting;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the effective configuration into Configuration Admin: one configuration per section
 * ({@code org.gstats.base}, {@code org.gstats.scanner}, {@code org.gstats.module.commits}, ...),
 * updated only when a value changed, bound to no bundle so that any component may designate it;
 * a plugin's section that no file holds any more is deleted.
 *
 * <p>Configuration Admin tells listeners of updates asynchronously, one event after the other
 * on one thread; Declarative Services reconfigures components as it is told. So after its
 * updates the publisher updates one more configuration, the barrier, and waits until it hears of
 * that: by then every component has been told of the updates before it, and a scan that starts
 * next sees the new values.
 */
final class Publisher {

    static final String BARRIER_PID = KeyTable.PID_PREFIX + "config.barrier";
    private static final String ANY_LOCATION = "?";
    private static final long BARRIER_TIMEOUT_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger("gstats.config");

    private final ConfigurationAdmin admin;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Long, CountDownLatch> pending = new HashMap<>();

    Publisher(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    /** The configurations by PID, as Configuration Admin will hold them. */
    static Map<String, Hashtable<String, Object>> dictionaries(EffectiveConfiguration configuration) {
        Map<String, Hashtable<String, Object>> byPid = new LinkedHashMap<>();
        for (Setting setting : configuration.settings()) {
            byPid.computeIfAbsent(KeyTable.pid(KeyTable.section(setting.key())), pid -> new Hashtable<>())
                    .put(KeyTable.property(KeyTable.name(setting.key())), value(setting.value()));
        }
        return byPid;
    }

    private static Object value(Object value) {
        return value instanceof List<?> list ? list.stream().map(Object::toString).toArray(String[]::new) : value;
    }

    /**
     * Updates the configurations that differ.
     *
     * @param await wait until components have been told (not while Declarative Services may be
     *              waiting for the caller, as during activation)
     * @return whether any configuration changed
     */
    boolean publish(EffectiveConfiguration configuration, boolean await) throws IOException, InterruptedException {
        boolean changed = false;
        Map<String, Hashtable<String, Object>> dictionaries = dictionaries(configuration);
        for (Map.Entry<String, Hashtable<String, Object>> entry : dictionaries.entrySet()) {
            Configuration target = admin.getConfiguration(entry.getKey(), ANY_LOCATION);
            if (!sameValues(target.getProperties(), entry.getValue())) {
                target.update(entry.getValue());
                changed = true;
            }
        }
        changed |= deleteModulesNoLongerConfigured(dictionaries.keySet());
        if (changed && await && !awaitBarrier()) {
            LOG.warn("components were not told of the new configuration within {} s; this scan may run with the "
                    + "previous one", BARRIER_TIMEOUT_SECONDS);
        }
        return changed;
    }

    /** A plugin's section taken out of every file leaves no configuration behind. */
    private boolean deleteModulesNoLongerConfigured(Set<String> pids) throws IOException {
        Configuration[] modules;
        try {
            modules = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + KeyTable.PID_PREFIX
                    + KeyTable.MODULE_PREFIX + "*)");
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

    /** @return whether the barrier was heard in time */
    private boolean awaitBarrier() throws IOException, InterruptedException {
        long mark = generation.incrementAndGet();
        CountDownLatch heard = new CountDownLatch(1);
        synchronized (pending) {
            pending.put(mark, heard);
        }
        try {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("generation", mark);
            admin.getConfiguration(BARRIER_PID, ANY_LOCATION).update(properties);
            return heard.await(BARRIER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            synchronized (pending) {
                pending.remove(mark);
            }
        }
    }

    /** Called for every Configuration Admin event. */
    void configurationEvent(ConfigurationEvent event) throws IOException {
        if (event.getType() != ConfigurationEvent.CM_UPDATED || !BARRIER_PID.equals(event.getPid())) {
            return;
        }
        Configuration barrier = admin.getConfiguration(BARRIER_PID, ANY_LOCATION);
        Dictionary<String, Object> properties = barrier.getProperties();
        Object mark = properties == null ? null : properties.get("generation");
        if (mark instanceof Long generation) {
            synchronized (pending) {
                // a later barrier also follows every earlier update
                pending.forEach((waiting, latch) -> {
                    if (waiting <= generation) {
                        latch.countDown();
                    }
                });
            }
        }
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
