package org.gstats.shell.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gstats.api.scan.PluginInfo;
import org.gstats.api.scan.PluginRegistry;
import org.gstats.api.scan.PluginStatus;
import org.gstats.api.scan.PluginValidation;

/** Answers with the statuses and the validation the test sets, and remembers the jar it was asked about. */
final class FakeRegistry implements PluginRegistry {

    final List<PluginStatus> statuses = new ArrayList<>();
    PluginValidation validation;
    Path validated;

    @Override
    public List<PluginInfo> plugins() {
        return statuses.stream().map(s -> new PluginInfo(s.name(), s.description(), s.version(), s.bundle(),
                s.bundleId(), s.state())).toList();
    }

    @Override
    public List<PluginStatus> statuses() {
        return List.copyOf(statuses);
    }

    @Override
    public PluginValidation validate(Path jar) {
        validated = jar;
        return validation;
    }
}
