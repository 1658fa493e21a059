package org.gstats.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repositories file: one repository a line, {@code LOCATION [BRANCH]}, blank lines and
 * lines starting with {@code #} ignored. Relative paths are taken from the file's folder.
 */
final class RepositoryList {

    private RepositoryList() {
    }

    /**
     * @return the repositories, largest first, each location once
     * @throws FleetException when the file cannot be read or a line has more than two words
     */
    static List<FleetRepository> read(Path file) throws FleetException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new FleetException("cannot read the repositories file " + file + " (" + e.getMessage() + ")");
        }
        Map<String, FleetRepository> repositories = new LinkedHashMap<>();
        Path base = file.toAbsolutePath().getParent();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            if (words.length > 2) {
                throw new FleetException(file + " line " + number + ": expected LOCATION [BRANCH], found '" + line
                        + "'");
            }
            String location = words[0];
            FleetRepository probe = new FleetRepository("", location, null, 0, null);
            if (!probe.remote()) {
                location = base.resolve(location).normalize().toString();
            }
            repositories.putIfAbsent(location, FleetRepository.of(location, words.length == 2 ? words[1] : null));
        }
        if (repositories.isEmpty()) {
            throw new FleetException("the repositories file " + file + " names no repository (one LOCATION [BRANCH] "
                    + "a line)");
        }
        List<FleetRepository> ordered = new ArrayList<>(repositories.values());
        ordered.sort(Comparator.comparingLong(FleetRepository::sizeBytes).reversed());
        return ordered;
    }
}
