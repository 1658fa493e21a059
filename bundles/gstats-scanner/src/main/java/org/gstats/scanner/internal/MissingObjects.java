package org.gstats.scanner.internal;

import java.util.function.Consumer;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.gstats.api.scan.ScanWarning;

/**
 * What a scan does about an object its repository lacks or cannot read (a damaged pack, or a
 * partial clone without some blobs): stop ({@code --strict}), or tell the listener what it
 * leaves out and go on, which is the default because {@code git log --numstat} itself dies
 * there. Either way the object is named as git would: missing, or in a damaged pack.
 */
final class MissingObjects {

    private final Consumer<ScanWarning> warnings;
    private final boolean strict;
    private final DamagedPacks packs;

    private MissingObjects(Consumer<ScanWarning> warnings, boolean strict, DamagedPacks packs) {
        this.warnings = warnings;
        this.strict = strict;
        this.packs = packs;
    }

    static MissingObjects strict(DamagedPacks packs) {
        return new MissingObjects(null, true, packs);
    }

    /** @param warnings takes what is left out, e.g. a listener's {@code onWarning} */
    static MissingObjects reportTo(Consumer<ScanWarning> warnings, DamagedPacks packs) {
        return new MissingObjects(warnings, false, packs);
    }

    /** Goes on past every missing object and says nothing: for counting what can be read. */
    static MissingObjects ignore(DamagedPacks packs) {
        return new MissingObjects(null, false, packs);
    }

    /**
     * Rethrows when strict; otherwise reports that {@code skipped} of {@code commitId} is left
     * out because the object cannot be read.
     */
    void skip(MissingObjectException missing, String commitId, String skipped) throws MissingObjectException {
        if (strict) {
            throw missing;
        }
        if (warnings != null) {
            warnings.accept(new ScanWarning(commitId, missing.getObjectId().name(),
                    describe(missing.getObjectId(), " needed by commit " + commitId, ": " + skipped)));
        }
    }

    /**
     * {@code missing object X<neededBy><what> (the repository is damaged or incomplete)}, or,
     * when a pack lists the object, {@code object X<neededBy> is in the damaged pack P and
     * cannot be read<what> (git fsck shows the damage)}.
     */
    String describe(AnyObjectId id, String neededBy, String what) {
        return packs.packHolding(id)
                .map(pack -> "object " + id.name() + neededBy + " is in the damaged pack " + pack
                        + " and cannot be read" + what + " (git fsck shows the damage)")
                .orElse("missing object " + id.name() + neededBy + what + " (the repository is damaged or incomplete)");
    }

    /**
     * {@code missing (the repository is damaged or incomplete)}, or {@code in the damaged pack P
     * (git fsck shows the damage)}.
     */
    String state(AnyObjectId id) {
        return packs.packHolding(id)
                .map(pack -> "in the damaged pack " + pack + " (git fsck shows the damage)")
                .orElse("missing (the repository is damaged or incomplete)");
    }
}
