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
     * The subject read from the raw bytes when the message is ASCII in an encoding that keeps
     * it (then each byte is its char), else from JGit's decoded message, which falls back to
     * other encodings for the whole message at once.
     */
    private static String subject(RevCommit commit, byte[] raw, Charset encoding) {
        int start = RawParseUtils.commitMessage(raw, 0);
        if (start < 0) {
            return "";
        }
        if (!RawText.keepsAscii(encoding) || !RawText.isAscii(raw, start, raw.length)) {
            return subject(commit.getFullMessage());
        }
        byte[] subject = new byte[raw.length - start];
        int length = 0;
        int line = start;
        boolean begun = false;
        while (line <= raw.length) {
            int lineEnd = line;
            while (lineEnd < raw.length && raw[lineEnd] != '\n') {
                lineEnd++;
            }
            int textEnd = lineEnd;
            while (textEnd > line && isSpace(raw[textEnd - 1])) {
                textEnd--;
            }
            if (textEnd > line) {
                if (begun) {
                    subject[length++] = ' ';
                }
                System.arraycopy(raw, line, subject, length, textEnd - line);
                length += textEnd - line;
                begun = true;
            } else if (begun) {
                break;
            }
            line = lineEnd + 1;
        }
        return new String(subject, 0, length, StandardCharsets.ISO_8859_1);
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
        String[] lines = message.split("\n", -1);
        int line = 0;
        while (line < lines.length && stripTrailing(lines[line]).isEmpty()) {
            line++;
        }
        StringBuilder subject = new StringBuilder();
        for (; line < lines.length; line++) {
            String text = stripTrailing(lines[line]);
            if (text.isEmpty()) {
                break;
            }
            if (subject.length() > 0) {
                subject.append(' ');
            }
            subject.append(text);
        }
        return subject.toString();
    }

    /** git's isspace: space, tab, CR, LF. */
    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** The line without git's trailing white space ({@link #isSpace}). */
    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && " \t\r\n".indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return line.substring(0, end);
    }
}
