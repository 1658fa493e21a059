package org.gstats.scanner.internal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.RawParseUtils;
import org.gstats.api.CommitInfo;

/** Turns JGit's commits into the API's {@link CommitInfo}, with fields as {@code git log} prints them. */
final class CommitInfos {

    private CommitInfos() {
    }

    /** The commit's metadata, identities as {@code mailmap} maps them; its body must be parsed. */
    static CommitInfo of(RevCommit commit, Mailmap mailmap) {
        List<String> parents = new ArrayList<>(commit.getParentCount());
        for (RevCommit parent : commit.getParents()) {
            parents.add(parent.name());
        }
        byte[] raw = commit.getRawBuffer();
        Charset encoding = encoding(commit);
        GitIdent author = GitIdent.parse(raw, RawParseUtils.author(raw, 0), encoding);
        GitIdent committer = GitIdent.parse(raw, RawParseUtils.committer(raw, 0), encoding);
        Mailmap.Identity authorIdentity = mailmap.map(author.name(), author.email());
        Mailmap.Identity committerIdentity = mailmap.map(committer.name(), committer.email());
        return new CommitInfo(commit.name(), parents, authorIdentity.name(), authorIdentity.email(), author.time(),
                committerIdentity.name(), committerIdentity.email(), committer.time(),
                subject(commit, raw, encoding), author.zoneMinutes(), committer.zoneMinutes());
    }

    /**
     * The message as JGit decodes it, made straight from the raw bytes when it is ASCII in an
     * encoding that keeps it (then each byte is its char; JGit's decoder, which falls back to
     * other encodings for the whole message at once, took about half of building a commit's info).
     */
    private static String subject(RevCommit commit, byte[] raw, Charset encoding) {
        int start = RawParseUtils.commitMessage(raw, 0);
        boolean ascii = start >= 0 && RawText.keepsAscii(encoding) && RawText.isAscii(raw, start, raw.length);
        return subject(ascii ? new String(raw, start, raw.length - start, StandardCharsets.ISO_8859_1)
                : commit.getFullMessage());
    }

    private static Charset encoding(RevCommit commit) {
        try {
            return commit.getEncoding();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * git's subject ({@code %s}): leading blank lines skipped, then the first paragraph with
     * each line's trailing white space removed, lines joined by one space. JGit's
     * {@code getShortMessage} keeps trailing white space and ends a paragraph only at an
     * empty line, not at a line of spaces.
     */
    static String subject(String message) {
        StringBuilder subject = new StringBuilder();
        int line = 0;
        while (line <= message.length()) {
            int lineEnd = message.indexOf('\n', line);
            if (lineEnd < 0) {
                lineEnd = message.length();
            }
            int textEnd = lineEnd;
            while (textEnd > line && isSpace(message.charAt(textEnd - 1))) {
                textEnd--;
            }
            if (textEnd > line) {
                if (subject.length() > 0) {
                    subject.append(' ');
                }
                subject.append(message, line, textEnd);
            } else if (subject.length() > 0) {
                break;
            }
            line = lineEnd + 1;
        }
        return subject.toString();
    }

    /** git's isspace within a line: space, tab, CR. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
