package org.gstats.shell.internal;

import java.io.IOException;

import org.gstats.api.PluginDataRequirements;
import org.gstats.api.scan.PluginMetrics;
import org.gstats.api.scan.PluginStatus;

import com.google.gson.stream.JsonWriter;

/** A plugin's status as one JSON object, the same for {@code gstats:plugins} and {@code gstats:plugin}. */
final class PluginJson {

    private PluginJson() {
    }

    static void write(PluginStatus plugin, JsonWriter json) throws IOException {
        json.beginObject();
        json.name("name").value(plugin.name());
        json.name("version").value(plugin.version());
        json.name("api_version").value(plugin.apiVersion());
        json.name("bundle").value(plugin.bundle());
        json.name("bundle_id").value(plugin.bundleId());
        json.name("state").value(plugin.state().label());
        json.name("reason").value(plugin.reason());
        json.name("disabled_until").value(plugin.disabledUntil() == null ? null : plugin.disabledUntil().toString());
        json.name("description").value(plugin.description());
        PluginDataRequirements requirements = plugin.requirements();
        json.name("requirements");
        if (requirements == null) {
            json.nullValue();
        } else {
            json.beginObject();
            json.name("head_content").value(requirements.headContent());
            json.name("historical_content").value(requirements.historicalContent());
            json.name("binary_content").value(requirements.binaryContent());
            json.name("max_file_size").value(requirements.maxFileSize());
            json.name("files_on_disk").value(requirements.filesOnDisk());
            json.endObject();
        }
        json.name("services").beginArray();
        for (String service : plugin.services()) {
            json.value(service);
        }
        json.endArray();
        PluginMetrics metrics = plugin.metrics();
        json.name("metrics").beginObject();
        json.name("scans").value(metrics.scans());
        json.name("events").value(metrics.events());
        json.name("time_ms").value(metrics.time().toMillis());
        json.name("failures").value(metrics.failures());
        json.endObject();
        json.endObject();
    }
}
