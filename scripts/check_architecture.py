#!/usr/bin/env python3
"""Checks the module layering written in docs/architecture.md against the source tree.

The rules are read from fenced blocks in docs/architecture.md, so the document and this check
cannot drift apart:

  ```dependencies            which modules each module may use
  gate: core process git ...
  ```
  ```include-owners          system headers only one module may include (glob: module)
  git2.h git2/*: git
  ```
  ```no-output               modules that must not write to stdout or stderr
  ab gate prepush
  ```
  ```checks                  each check is `enforced` (fails) or `pending` (listed, passes)
  layering: enforced
  ```

Usage: check_architecture.py [--root DIR]
Exit status: 0 when the tree follows the rules, 1 with one line per violation, 2 when the rules
themselves cannot be read.
"""

import argparse
import fnmatch
import os
import re
import sys

DOC = os.path.join("docs", "architecture.md")
SOURCE_SUFFIXES = (".h", ".hpp", ".hh", ".cpp", ".cc", ".cxx", ".ipp", ".inl")
# Top-level directories that are not modules: tests, benchmarks and examples may use anything;
# scripts and docs hold no C++. Build trees are skipped too (see is_build_dir).
UNCHECKED_DIRS = {"tests", "bench", "examples", "scripts", "docs"}
MAX_LINES = 400
SIZE_COMMENT = re.compile(r"^\s*//\s*size:\s*\S")
SIZE_COMMENT_WITHIN = 30  # lines from the top
CHECK_NAMES = ("layering", "unknown-modules", "includes", "size", "output")

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
LINK_CALL = re.compile(r"\btarget_link_libraries\s*\(", re.IGNORECASE)
LINK_TOKEN = re.compile(r"\bbenchgate_([A-Za-z0-9_]+)\b")
OUTPUT_PATTERNS = [
    (re.compile(r"\bstd::(cout|cerr|clog)\b"), "std::{0}"),
    (re.compile(r"\bfmt::(print|println)\s*\("), "fmt::{0}"),
    (re.compile(r"(?<!\w)(printf|puts|putchar|perror)\s*\("), "{0}"),
    (re.compile(r"\b(fprintf|vfprintf|fputs|fputc|putc|fwrite)\s*\([^;]*?\b(?:stdout|stderr)\b"),
     "{0} to stdout/stderr"),
]


class RulesError(Exception):
    pass


class Rules:
    def __init__(self):
        self.modules = []  # in table order
        self.allowed = {}  # module -> set of modules, or None for "anything"
        self.include_owners = []  # (glob, module)
        self.no_output = set()
        self.checks = {name: "enforced" for name in CHECK_NAMES}
        self.doc_line = {}  # module -> line of its table entry

    def allows(self, src, dst):
        if src == dst:
            return True
        allowed = self.allowed[src]
        return allowed is None or dst in allowed

    def allowed_text(self, src):
        allowed = self.allowed[src]
        if allowed is None:
            return "anything"
        if not allowed:
            return "nothing"
        return " ".join(m for m in self.modules if m in allowed)


def fenced_blocks(text):
    """Yields (info, first_line_number, lines) for every ``` block of a Markdown text."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = re.match(r"^\s*```+\s*([\w-]*)\s*$", lines[i])
        if match:
            info, start, body = match.group(1), i + 2, []
            i += 1
            while i < len(lines) and not re.match(r"^\s*```+\s*$", lines[i]):
                body.append(lines[i])
                i += 1
            yield info, start, body
        i += 1


def content_lines(start, body):
    for offset, line in enumerate(body):
        line = line.split("#", 1)[0].strip()
        if line:
            yield start + offset, line


def read_rules(root):
    path = os.path.join(root, DOC)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise RulesError(f"{DOC}: cannot read the rules: {e.strerror}")
    rules = Rules()
    blocks = {}
    for info, start, body in fenced_blocks(text):
        if info in ("dependencies", "include-owners", "no-output", "checks"):
            if info in blocks:
                raise RulesError(f"{DOC}:{start - 1}: a second ```{info} block")
            blocks[info] = (start, body)
    if "dependencies" not in blocks:
        raise RulesError(f"{DOC}: no ```dependencies block (lines 'module: dependency ...')")

    start, body = blocks["dependencies"]
    for number, line in content_lines(start, body):
        match = re.match(r"^([a-z][a-z0-9_]*)\s*:\s*(.*)$", line)
        if not match:
            raise RulesError(f"{DOC}:{number}: expected 'module: dependency ...', got '{line}'")
        module, deps = match.group(1), match.group(2).split()
        if module in rules.allowed:
            raise RulesError(f"{DOC}:{number}: module {module} is listed twice")
        rules.modules.append(module)
        rules.doc_line[module] = number
        rules.allowed[module] = None if deps == ["*"] else set(deps)
    for module in rules.modules:
        for dep in sorted(rules.allowed[module] or ()):
            if dep not in rules.allowed:
                raise RulesError(f"{DOC}:{rules.doc_line[module]}: {module} -> {dep}: "
                                 f"{dep} is not a module of the table")
            if dep == module:
                raise RulesError(f"{DOC}:{rules.doc_line[module]}: {module} lists itself")
    cycle = find_cycle(rules)
    if cycle:
        raise RulesError(f"{DOC}: the table has a cycle: {' -> '.join(cycle)}")

    if "include-owners" in blocks:
        start, body = blocks["include-owners"]
        for number, line in content_lines(start, body):
            globs, sep, owner = line.rpartition(":")
            owner = owner.strip()
            if not sep or not globs.split() or owner not in rules.allowed:
                raise RulesError(f"{DOC}:{number}: expected 'header-glob ...: module', got '{line}'")
            for glob in globs.split():
                rules.include_owners.append((glob.strip("<>"), owner))
    if "no-output" in blocks:
        start, body = blocks["no-output"]
        for number, line in content_lines(start, body):
            for module in line.split():
                if module not in rules.allowed:
                    raise RulesError(f"{DOC}:{number}: {module} is not a module of the table")
                rules.no_output.add(module)
    if "checks" in blocks:
        start, body = blocks["checks"]
        for number, line in content_lines(start, body):
            match = re.match(r"^([a-z-]+)\s*:\s*(enforced|pending)$", line)
            if not match or match.group(1) not in CHECK_NAMES:
                raise RulesError(f"{DOC}:{number}: expected '<check>: enforced|pending' with a "
                                 f"check among {', '.join(CHECK_NAMES)}, got '{line}'")
            rules.checks[match.group(1)] = match.group(2)
    return rules


def find_cycle(rules):
    state = {}

    def visit(module, path):
        state[module] = "open"
        for dep in sorted(rules.allowed[module] or ()):
            if state.get(dep) == "open":
                return path + [module, dep]
            if dep not in state:
                found = visit(dep, path + [module])
                if found:
                    return found
        state[module] = "done"
        return None

    for module in rules.modules:
        if module not in state and rules.allowed[module] is not None:
            found = visit(module, [])
            if found:
                return found[found.index(found[-1]):]
    return None


def strip_code(text, keep_strings):
    """Blanks comments (and, unless keep_strings, the insides of string and character literals)
    while keeping every newline, so line numbers stay right."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "R" and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            match = re.match(r'R"([^()\\\s]{0,16})\(', text[i:])
            if not match:
                out.append(c)
                i += 1
                continue
            end = text.find(")" + match.group(1) + '"', i + match.end())
            j = n if end < 0 else end + len(match.group(1)) + 2
            body = text[i:j]
            out.append(body if keep_strings else 'R"' + re.sub(r"[^\n]", " ", body[2:-1]) + '"')
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            body = text[i:j]
            out.append(body if keep_strings else c + " " * max(0, len(body) - 2) + body[-1:])
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def is_build_dir(path, name):
    return name.startswith("build") or os.path.exists(os.path.join(path, "CMakeCache.txt"))


def walk_files(directory):
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(".") and not is_build_dir(os.path.join(dirpath, d), d))
        for name in sorted(filenames):
            yield os.path.join(dirpath, name)


def is_source(path):
    return path.endswith(SOURCE_SUFFIXES)


def cmake_link_edges(text):
    """Yields (line, module-name) for every benchgate_<name> linked in target_link_libraries."""
    code = "\n".join(line.split("#", 1)[0] for line in text.split("\n"))
    for call in LINK_CALL.finditer(code):
        depth, j = 1, call.end()
        while j < len(code) and depth:
            depth += {"(": 1, ")": -1}.get(code[j], 0)
            j += 1
        args = code[call.end():j - 1]
        tokens = list(re.finditer(r"[^\s()]+", args))
        for token in tokens[1:]:  # the first argument is the target being linked
            for match in LINK_TOKEN.finditer(token.group(0)):
                line = code.count("\n", 0, call.end() + token.start()) + 1
                yield line, match.group(1)


class Checker:
    def __init__(self, root, rules):
        self.root = root
        self.rules = rules
        self.findings = []  # (check, path, line, message)
        self.files = 0
        self.includes = 0
        self.links = 0
        self.present = []

    def add(self, check, path, line, message):
        self.findings.append((check, path, line, message))

    def rel(self, path):
        return os.path.relpath(path, self.root).replace(os.sep, "/")

    def run(self):
        for name in sorted(os.listdir(self.root)):
            path = os.path.join(self.root, name)
            if not os.path.isdir(path) or name.startswith(".") or name in UNCHECKED_DIRS:
                continue
            if is_build_dir(path, name):
                continue
            if name in self.rules.allowed:
                self.present.append(name)
                self.check_module(name, path)
            else:
                sources = [f for f in walk_files(path) if is_source(f)]
                if sources:
                    self.add("unknown-modules", self.rel(sources[0]), 1,
                             f"{name}/ holds sources but is not a module of the dependencies "
                             f"table in {DOC} (add it there, or move the files)")

    def check_module(self, module, path):
        for file in walk_files(path):
            rel = self.rel(file)
            if os.path.basename(file) == "CMakeLists.txt" or file.endswith(".cmake"):
                self.check_cmake(module, rel, file)
            elif is_source(file):
                self.check_source(module, rel, file)

    def check_cmake(self, module, rel, file):
        with open(file, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for line, target in cmake_link_edges(text):
            self.links += 1
            if target in self.rules.allowed and not self.rules.allows(module, target):
                self.add("layering", rel, line,
                         f"{module} -> {target} is not allowed (allowed: {self.rules.allowed_text(module)})")

    def check_source(self, module, rel, file):
        with open(file, encoding="utf-8", errors="replace") as f:
            text = f.read()
        self.files += 1
        lines = text.split("\n")
        if text.endswith("\n"):
            lines.pop()
        if len(lines) > MAX_LINES and not any(SIZE_COMMENT.match(l) for l in lines[:SIZE_COMMENT_WITHIN]):
            self.add("size", rel, 1,
                     f"{len(lines)} lines, over the {MAX_LINES}-line limit without a "
                     f"'// size: <reason>' comment in its first {SIZE_COMMENT_WITHIN} lines")

        code = strip_code(text, keep_strings=True)
        for number, line in enumerate(code.split("\n"), 1):
            match = INCLUDE.match(line)
            if not match:
                continue
            self.includes += 1
            header = match.group(2).strip()
            first = header.split("/", 1)[0]
            if "/" in header and first in self.rules.allowed and not self.rules.allows(module, first):
                self.add("layering", rel, number,
                         f"{module} -> {first} is not allowed (allowed: {self.rules.allowed_text(module)})")
            if match.group(1) == "<":
                for glob, owner in self.rules.include_owners:
                    if fnmatch.fnmatchcase(header, glob) and module != owner:
                        self.add("includes", rel, number,
                                 f"{module} includes <{header}>, which only {owner}/ may include")
                        break

        if module in self.rules.no_output:
            blank = strip_code(text, keep_strings=False)
            for number, line in enumerate(blank.split("\n"), 1):
                for pattern, label in OUTPUT_PATTERNS:
                    match = pattern.search(line)
                    if match:
                        self.add("output", rel, number,
                                 f"{module} writes to stdout/stderr ({label.format(match.group(1))}); "
                                 f"application modules return results and report through a log sink")
                        break


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check the module layering of docs/architecture.md.")
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir),
                        help="the source tree (default: the one holding this script)")
    args = parser.parse_args(argv)
    root = os.path.abspath(args.root)
    try:
        rules = read_rules(root)
    except RulesError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    checker = Checker(root, rules)
    checker.run()
    failing, pending = [], []
    for check, path, line, message in sorted(checker.findings, key=lambda f: (f[1], f[2], f[3])):
        (pending if rules.checks[check] == "pending" else failing).append(f"{path}:{line}: {message}")
    for line in failing:
        print(line)
    for line in pending:
        print(f"pending: {line}")

    absent = [m for m in rules.modules if m not in checker.present]
    counts = (f"{len(checker.present)} modules, {checker.files} source files, "
              f"{checker.includes} includes, {checker.links} library links checked")
    notes = []
    if absent:
        notes.append(f"not in the tree yet: {' '.join(absent)}")
    pending_checks = [c for c in CHECK_NAMES if rules.checks[c] == "pending"]
    if pending_checks:
        notes.append(f"pending checks (listed, not failing): {' '.join(pending_checks)}")
    suffix = f" ({'; '.join(notes)})" if notes else ""
    if failing:
        print(f"architecture: {len(failing)} violation(s); {counts}{suffix}", file=sys.stderr)
        return 1
    print(f"architecture: OK; {counts}{suffix}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
