package org.gstats.api.scan;

import java.util.List;

import org.gstats.api.CommitInfo;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The commits an earlier scan walked from a head, in the order it told them ({@code git log}'s),
 * each as that scan made its {@link CommitInfo}: what a scanner may tell instead of walking the
 * same history again ({@link ChangeCache#walked}). Iterating decodes the commits as they are read.
 *
 * @since 2.4
 */
@ProviderType
public interface StoredWalk extends Iterable<CommitInfo> {

    /** The commits' ids in the same order, without decoding the rest: enough to check that each is still there. */
    List<String> ids();
}
