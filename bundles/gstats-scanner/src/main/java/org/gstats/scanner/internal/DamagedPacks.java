package org.gstats.scanner.internal;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.internal.storage.file.PackIndex;
import org.eclipse.jgit.lib.AnyObjectId;

/**
 * Tells an object that is missing from one that is in a pack JGit could not read. When JGit
 * meets a damaged object in a pack (a bad zlib stream, a wrong CRC) it logs a warning and
 * drops the whole pack from its list, so that every object in it, intact ones too, is reported
 * missing from then on. Git reads the intact objects and fails on the damaged one alone; a
 * user must learn that the pack is damaged, not that the repository lacks half its history.
 * The pack indexes ({@code objects/pack/*.idx}) still list what each pack holds.
 */
final class DamagedPacks {

    private final File packDirectory;
    private List<Indexed> indexes;

    private record Indexed(String packName, PackIndex index) {
    }

    DamagedPacks(File objectsDirectory) {
        this.packDirectory = new File(objectsDirectory, "pack");
    }

    /** The name of the pack whose index lists {@code id}, e.g. {@code pack-1a2b....pack}; empty when none does. */
    Optional<String> packHolding(AnyObjectId id) {
        for (Indexed indexed : indexes()) {
            if (indexed.index().hasObject(id)) {
                return Optional.of(indexed.packName());
            }
        }
        return Optional.empty();
    }

    /** Read once, on the first missing object: a healthy scan never looks. */
    private synchronized List<Indexed> indexes() {
        if (indexes == null) {
            List<Indexed> found = new ArrayList<>();
            File[] files = packDirectory.listFiles((dir, name) -> name.startsWith("pack-") && name.endsWith(".idx"));
            if (files != null) {
                Arrays.sort(files);
                for (File file : files) {
                    try {
                        String name = file.getName();
                        found.add(new Indexed(name.substring(0, name.length() - ".idx".length()) + ".pack",
                                PackIndex.open(file)));
                    } catch (IOException e) {
                        // an unreadable index is no evidence either way
                    }
                }
            }
            indexes = List.copyOf(found);
        }
        return indexes;
    }
}
