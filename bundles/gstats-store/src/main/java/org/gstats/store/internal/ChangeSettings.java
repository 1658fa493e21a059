package org.gstats.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.gstats.api.scan.ScanRequest;

/**
 * Everything that changes a commit's file changes: rename detection, diff algorithm,
 * first-parent, the path globs, whether replace refs count and the scanner's version. Identities (the mailmap) are not
 * here: the store replays changes only, and the scanner reads each commit's identities anew.
 * The filters that only choose commits (since, until, author, max-commits) are not here either.
 *
 * @param description the settings in words
 * @param fingerprint SHA-256 of the description, in hex
 */
record ChangeSettings(String description, String fingerprint) {

    static ChangeSettings of(ScanRequest request, String scannerVersion) {
        String description = "renames=" + request.detectRenames() + "; diff=" + request.diffAlgorithm()
                + "; first-parent=" + request.firstParent() + "; include=" + request.includes() + "; exclude="
                + request.excludes() + "; scanner=" + scannerVersion
                // said only when off, so that the settings recorded before the option keep their fingerprint
                + (request.replaceObjects() ? "" : "; no-replace-objects");
        return new ChangeSettings(description, sha256(description));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
