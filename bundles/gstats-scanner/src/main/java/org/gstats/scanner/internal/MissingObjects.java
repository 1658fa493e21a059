package org.gstats.scanner.internal;

import java.util.function.Consumer;

import org.eclipse.jgit.errors.MissingObjectException;
import org.gstats.api.scan.ScanWarning;

/**
 * What a scan does about an object its repository lacks (a damaged repository, or a partial
 * clone without some blobs): stop ({@code --strict}), or tell the listener what it leaves
 * out and go on, which is the default because {@code git log --numstat} itself dies there.
 */
final class MissingObjects {

    private final Consumer<ScanWarning> warnings;

    private MissingObjects(Consumer<ScanWarning> warnings) {
        this.warnings = warnings;
    }

    static MissingObjects strict() {
        return new MissingObjects(null);
    }

    /** @param warnings takes what is left out, e.g. a listener's {@code onWarning} */
    static MissingObjects reportTo(Consumer<ScanWarning> warnings) {
        return new MissingObjects(warnings);
    }

    /**
     * Rethrows when strict; otherwise reports that {@code skipped} of {@code commitId} is left
     * out because the object is missing.
     */
    void skip(MissingObjectException missing, String commitId, String skipped) throws MissingObjectException {
        if (warnings == null) {
            throw missing;
        }
        String objectId = missing.getObjectId().name();
        warnings.accept(new ScanWarning(commitId, objectId, "missing object " + objectId + " needed by commit "
                + commitId + ": " + skipped + " (the repository is damaged or incomplete)"));
    }
}
