#!/usr/bin/env python3
"""Writes a large synthetic Git repository for the scan benchmark, through git fast-import.

Usage: synthetic-repo.py DIR [--commits N] [--seed S]

The history has what slows a scanner down or trips it up: thousands of text files edited a
few lines at a time, renames (some with edits), binary files that change, deletions and
re-additions, merges of short side branches, and many authors. Deterministic for a seed.
"""
import argparse
import os
import random
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir")
    parser.add_argument("--commits", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if os.path.exists(args.dir) and os.listdir(args.dir):
        sys.exit(f"synthetic-repo: {args.dir} exists and is not empty; give a new directory")
    os.makedirs(args.dir, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", args.dir], check=True)
    importer = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=args.dir, stdin=subprocess.PIPE)
    History(random.Random(args.seed), importer.stdin).write(args.commits)
    importer.stdin.close()
    if importer.wait() != 0:
        sys.exit("synthetic-repo: git fast-import failed")
    subprocess.run(["git", "-C", args.dir, "checkout", "-q", "main"], check=True)
    subprocess.run(["git", "-C", args.dir, "repack", "-a", "-d", "-q", "--depth=50", "--window=10"], check=True)


class History:
    WORDS = ("alpha beta gamma delta value count index buffer result token parser stream node tree "
             "commit branch merge state cache reader writer limit offset length return final static").split()

    def __init__(self, rng, out):
        self.rng = rng
        self.out = out
        self.files = {}      # path -> list of lines (text) or bytes (binary)
        self.mark = 0
        self.time = 1_500_000_000
        self.authors = [(f"Author {i}", f"author{i}@example.com") for i in range(60)]
        self.next_id = 0

    def emit(self, text):
        self.out.write(text.encode() if isinstance(text, str) else text)

    def line(self):
        return " ".join(self.rng.choice(self.WORDS) for _ in range(self.rng.randint(2, 9)))

    def new_path(self):
        self.next_id += 1
        folder = f"src/module{self.rng.randint(0, 40)}/pkg{self.rng.randint(0, 5)}"
        return f"{folder}/File{self.next_id}.txt"

    def blob(self, content):
        data = content if isinstance(content, bytes) else ("\n".join(content) + "\n").encode()
        self.emit(f"data {len(data)}\n")
        self.emit(data)
        self.emit("\n")

    def commit(self, branch, message, operations, parents=()):
        self.mark += 1
        self.time += self.rng.randint(60, 7200)
        name, email = self.rng.choice(self.authors)
        self.emit(f"commit refs/heads/{branch}\nmark :{self.mark}\n")
        self.emit(f"author {name} <{email}> {self.time} +0000\ncommitter {name} <{email}> {self.time} +0000\n")
        self.blob_message(message)
        for parent_kind, parent in parents:
            self.emit(f"{parent_kind} :{parent}\n")
        for operation in operations:
            kind, path = operation[0], operation[1]
            if kind == "M":
                self.emit(f"M 100644 inline {path}\n")
                self.blob(self.files[path])
            elif kind == "D":
                self.emit(f"D {path}\n")
            elif kind == "R":
                self.emit(f"R {path} {operation[2]}\n")
        self.emit("\n")
        return self.mark

    def blob_message(self, message):
        data = message.encode()
        self.emit(f"data {len(data)}\n")
        self.emit(data)
        self.emit("\n")

    def add_file(self, operations):
        path = self.new_path()
        if self.rng.random() < 0.05:
            self.files[path] = bytes(self.rng.getrandbits(8) for _ in range(self.rng.randint(500, 20000)))
            path_bin = path[:-4] + ".bin"
            self.files[path_bin] = self.files.pop(path)
            path = path_bin
        else:
            self.files[path] = [self.line() for _ in range(self.rng.randint(20, 400))]
        operations.append(("M", path))

    def edit_file(self, operations):
        path = self.rng.choice(list(self.files))
        content = self.files[path]
        if isinstance(content, bytes):
            cut = self.rng.randint(0, len(content) - 1)
            self.files[path] = content[:cut] + bytes(self.rng.getrandbits(8) for _ in range(64)) + content[cut + 64:]
        else:
            for _ in range(self.rng.randint(1, 8)):
                where = self.rng.randint(0, len(content))
                roll = self.rng.random()
                if roll < 0.4 and content:
                    content[min(where, len(content) - 1)] = self.line()
                elif roll < 0.7:
                    content.insert(where, self.line())
                elif content:
                    del content[min(where, len(content) - 1)]
        operations.append(("M", path))

    def write(self, commits):
        main_operations = []
        for _ in range(300):
            self.add_file(main_operations)
        head = self.commit("main", "Initial import\n", main_operations)
        deleted = []
        done = 1
        while done < commits:
            roll = self.rng.random()
            if roll < 0.01 and done + 6 < commits:
                side_parent = head
                side = None
                for _ in range(self.rng.randint(2, 5)):
                    operations = []
                    self.edit_file(operations)
                    parents = [("from", side_parent)] if side is None else []
                    side = self.commit("side", f"Side work {done}\n", operations, parents)
                    done += 1
                operations = []
                self.edit_file(operations)
                head = self.commit("main", f"Main work {done}\n", operations)
                done += 1
                head = self.commit("main", f"Merge side work {done}\n", [], [("merge", side)])
                done += 1
                continue
            operations = []
            if roll < 0.03 and len(self.files) > 50:
                old = self.rng.choice([p for p in self.files if p.endswith(".txt")])
                new = self.new_path()
                self.files[new] = self.files.pop(old)
                operations.append(("R", old, new))
                if self.rng.random() < 0.5:
                    self.files[new] = list(self.files[new])
                    self.files[new].insert(0, self.line())
                    operations.append(("M", new))
                message = "Rename a file\n"
            elif roll < 0.04 and len(self.files) > 50:
                path = self.rng.choice(list(self.files))
                deleted.append((path, self.files.pop(path)))
                operations.append(("D", path))
                message = "Delete a file\n"
            elif roll < 0.045 and deleted:
                path, content = deleted.pop(self.rng.randrange(len(deleted)))
                if path not in self.files:
                    self.files[path] = content
                    operations.append(("M", path))
                message = "Bring a file back\n"
            elif roll < 0.10:
                for _ in range(self.rng.randint(1, 4)):
                    self.add_file(operations)
                message = "Add files\n"
            else:
                for _ in range(self.rng.randint(1, 5)):
                    self.edit_file(operations)
                message = "Edit files\n"
            if not operations:
                self.edit_file(operations)
            head = self.commit("main", message, operations)
            done += 1


if __name__ == "__main__":
    main()
