#!/usr/bin/env python3
"""Tests of scripts/check_architecture.py: small source trees in a temporary directory, each with
one kind of violation, checked with the project's real docs/architecture.md, so the rules the
checker enforces are the ones the document states.

Usage: checker_test.py [--checker PATH] [--doc PATH] [unittest options]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.normpath(os.path.join(HERE, os.pardir, os.pardir))
CHECKER = os.path.join(SOURCE_DIR, "scripts", "check_architecture.py")
DOC = os.path.join(SOURCE_DIR, "docs", "architecture.md")

# A tree that follows every rule: one module per layer, each using what it may.
CLEAN_TREE = {
    "core/run_record.h": "#pragma once\n#include <string>\n",
    "core/CMakeLists.txt": "add_library(benchgate_core run_record.cpp)\n",
    "process/run_child.h": '#pragma once\n#include "core/run_record.h"\n',
    "git/repository.cpp": '#include <git2.h>\n#include "git/repository.h"\n#include "core/run_record.h"\n',
    "git/CMakeLists.txt": "target_link_libraries(benchgate_git PUBLIC benchgate_core PkgConfig::LIBGIT2)\n",
    "stats/compare.cpp": '#include "stats/compare.h"\n#include "core/run_record.h"\n#include <vector>\n',
    "runner/run_suites.cpp": '#include "process/run_child.h"\n#include "git/repository.h"\n',
    "runner/CMakeLists.txt": ("add_library(benchgate_runner run_suites.cpp)\n"
                              "target_link_libraries(benchgate_runner\n"
                              "  PUBLIC benchgate_core  # the data model\n"
                              "  PRIVATE benchgate_process benchgate_git)\n"),
    "store/store.cpp": '#include "git/repository.h"\n',
    "profile/perf_profiler.cpp": '#include "process/run_child.h"\n#include "profile/proto/profile.pb.h"\n',
    "reporters/console_reporter.cpp": '#include "core/run_record.h"\n',
    "forge/github.cpp": '#include "core/run_record.h"\n',
    "ab/ab_job.cpp": ('#include "stats/compare.h"\n#include "runner/run_suites.h"\n'
                      '#include "core/log.h"\n'
                      '// Progress goes to the log sink, never std::cout.\n'
                      'void f() { log_message("printf(\\"%d\\") and std::cerr in a string"); }\n'),
    "gate/judge.cpp": '#include "ab/ab_job.h"\n#include "store/store.h"\n#include "forge/github.h"\n',
    "prepush/plan.cpp": '#include "process/run_child.h"\n#include "git/repository.h"\n',
    "history/site_flamegraphs.cpp": '#include "store/store.h"\n#include "profile/perf_profiler.h"\n',
    "history/collect.cpp": '#include "store/store.h"\n#include "stats/compare.h"\n',
    "history/alerts.cpp": '#include "git/repository.h"\n#include "forge/github.h"\n',
    "cli/main.cpp": ('#include <CLI/CLI.hpp>\n#include "gate/judge.h"\n#include "prepush/plan.h"\n'
                     '#include <iostream>\nint main() { std::cout << "hi"; }\n'),
    "cli/CMakeLists.txt": "target_link_libraries(benchgate PRIVATE benchgate_gate benchgate_prepush CLI11::CLI11)\n",
    # Not checked: tests, benchmarks, examples, scripts, build trees, hidden directories.
    "tests/gate/gate_test.cpp": '#include <git2.h>\n#include "cli/main.h"\n#include <CLI/CLI.hpp>\n',
    "bench/b.cpp": '#include "cli/main.h"\n',
    "examples/suite/e.cpp": '#include "cli/main.h"\n',
    "build/default/generated/x.cpp": '#include "cli/main.h"\n',
    ".cache/y.cpp": '#include "cli/main.h"\n',
    # A directory without sources is not a module.
    "ci/github/action.yml": "name: benchgate\n",
}


def write_tree(root, files, doc_text):
    os.makedirs(os.path.join(root, "docs"), exist_ok=True)
    with open(os.path.join(root, "docs", "architecture.md"), "w", encoding="utf-8") as f:
        f.write(doc_text)
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)


def with_checks(doc_text, **states):
    """The document with the given checks set, e.g. with_checks(text, output="pending")."""
    def replace(match):
        body = match.group(2)
        for name, state in states.items():
            body = re.sub(rf"^{name}:.*$", f"{name}: {state}", body, flags=re.M)
        return match.group(1) + body + match.group(3)
    return re.sub(r"(```checks\n)(.*?)(```)", replace, doc_text, flags=re.S)


class CheckerTest(unittest.TestCase):
    def setUp(self):
        with open(DOC, encoding="utf-8") as f:
            self.doc = f.read()
        self.tmp = tempfile.TemporaryDirectory(prefix="benchgate-arch-")
        self.addCleanup(self.tmp.cleanup)

    def check(self, extra=None, remove=(), doc=None):
        files = dict(CLEAN_TREE)
        for path in remove:
            del files[path]
        files.update(extra or {})
        root = os.path.join(self.tmp.name, f"tree{len(os.listdir(self.tmp.name))}")
        write_tree(root, files, self.doc if doc is None else doc)
        result = subprocess.run([sys.executable, CHECKER, "--root", root],
                                capture_output=True, text=True, timeout=60)
        return result.returncode, result.stdout, result.stderr

    def assert_fails_with(self, extra, expected_line, remove=()):
        code, out, err = self.check(extra, remove)
        self.assertEqual(code, 1, f"expected a violation\nstdout:\n{out}\nstderr:\n{err}")
        lines = out.splitlines()
        self.assertIn(expected_line, lines)
        self.assertEqual(len(lines), 1, f"expected exactly one violation, got:\n{out}")

    def test_clean_tree_passes(self):
        code, out, err = self.check()
        self.assertEqual(code, 0, f"stdout:\n{out}\nstderr:\n{err}")
        self.assertRegex(out, r"^architecture: OK; 14 modules, \d+ source files, \d+ includes, "
                              r"\d+ library links checked\n$")

    def test_absent_modules_are_named_in_the_summary(self):
        code, out, _ = self.check(remove=["process/run_child.h"])
        self.assertEqual(code, 0)
        self.assertIn("not in the tree yet: process", out)

    def test_layer2_sibling_include(self):
        self.assert_fails_with(
            {"stats/compare.cpp": '#include "stats/compare.h"\n\n#include "runner/run_suites.h"\n'},
            "stats/compare.cpp:3: stats -> runner is not allowed (allowed: core)")

    def test_upward_include(self):
        self.assert_fails_with(
            {"core/comparison.h": '#pragma once\n#include <vector>\n#include "gate/judge.h"\n'},
            "core/comparison.h:3: core -> gate is not allowed (allowed: nothing)")

    def test_angle_bracket_include_of_a_module(self):
        self.assert_fails_with(
            {"reporters/junit.cpp": "#include <forge/github.h>\n"},
            "reporters/junit.cpp:1: reporters -> forge is not allowed (allowed: core)")

    def test_prepush_may_not_use_gate(self):
        self.assert_fails_with(
            {"prepush/gate_child.cpp": '  #  include "gate/judge.h"\n'},
            "prepush/gate_child.cpp:1: prepush -> gate is not allowed "
            "(allowed: core process git stats runner store profile reporters forge)")

    def test_includes_in_comments_are_ignored(self):
        code, out, _ = self.check({"stats/x.cpp": ('// #include "runner/a.h"\n/*\n#include "store/b.h"\n*/\n'
                                                   '#include "core/run_record.h"\n')})
        self.assertEqual(code, 0, out)

    def test_git2_outside_git(self):
        self.assert_fails_with(
            {"store/notes.h": '#pragma once\n#include "git/repository.h"\n#include <git2.h>\n'},
            "store/notes.h:3: store includes <git2.h>, which only git/ may include")

    def test_git2_subheader_outside_git(self):
        self.assert_fails_with(
            {"runner/env.cpp": "#include <git2/sys/refdb_backend.h>\n"},
            "runner/env.cpp:1: runner includes <git2/sys/refdb_backend.h>, which only git/ may include")

    def test_cli11_outside_cli(self):
        self.assert_fails_with(
            {"gate/options.h": "#pragma once\n#include <CLI/CLI.hpp>\n"},
            "gate/options.h:2: gate includes <CLI/CLI.hpp>, which only cli/ may include")

    def test_over_long_file(self):
        self.assert_fails_with(
            {"forge/github.cpp": "int x;\n" * 401},
            "forge/github.cpp:1: 401 lines, over the 400-line limit without a "
            "'// size: <reason>' comment in its first 30 lines")

    def test_size_limit_boundary_and_comment(self):
        code, out, _ = self.check({
            "forge/exactly.cpp": "int x;\n" * 400,
            "forge/long.cpp": "// The GitHub client.\n// size: one request table, split it and it reads worse\n"
                              + "int x;\n" * 500,
        })
        self.assertEqual(code, 0, out)

    def test_size_comment_needs_a_reason_and_must_be_near_the_top(self):
        code, out, _ = self.check({
            "forge/a.cpp": "// size:\n" + "int x;\n" * 450,
            "forge/b.cpp": "int x;\n" * 40 + "// size: too late\n" + "int x;\n" * 400,
        })
        self.assertEqual(code, 1)
        self.assertEqual(len(out.splitlines()), 2, out)

    def test_unknown_module(self):
        self.assert_fails_with(
            {"trends/trend.cpp": '#include "core/run_record.h"\n'},
            "trends/trend.cpp:1: trends/ holds sources but is not a module of the dependencies "
            "table in docs/architecture.md (add it there, or move the files)")

    def test_cmake_link_upward(self):
        self.assert_fails_with(
            {"runner/CMakeLists.txt": ("add_library(benchgate_runner run_suites.cpp)\n"
                                       "target_link_libraries(benchgate_runner PUBLIC benchgate_core\n"
                                       "  PRIVATE benchgate_gate)\n")},
            "runner/CMakeLists.txt:3: runner -> gate is not allowed (allowed: core process git)")

    def test_cmake_link_sibling_and_comments(self):
        self.assert_fails_with(
            {"profile/CMakeLists.txt": ("# benchgate_runner was linked here once\n"
                                        "target_link_libraries(benchgate_profile PUBLIC benchgate_core\n"
                                        "  PRIVATE benchgate_pprof_proto benchgate_process benchgate_runner)\n")},
            "profile/CMakeLists.txt:3: profile -> runner is not allowed (allowed: core process)")

    def test_output_in_application_module(self):
        code, out, _ = self.check({"gate/publish.cpp": ('#include "core/log.h"\n'
                                                        'void a() { fmt::print(stderr, "x"); }\n'
                                                        'void b() { std::cout << 1; }\n'
                                                        'void c() { std::fprintf(stdout, "%d", 1); }\n'
                                                        'void d() { printf("x"); }\n'
                                                        'void e() { std::snprintf(buf, 4, "x"); }\n')})
        self.assertEqual(code, 1)
        self.assertEqual(out.splitlines(), [
            "gate/publish.cpp:2: gate writes to stdout/stderr (fmt::print); application modules "
            "return results and report through a log sink",
            "gate/publish.cpp:3: gate writes to stdout/stderr (std::cout); application modules "
            "return results and report through a log sink",
            "gate/publish.cpp:4: gate writes to stdout/stderr (fprintf to stdout/stderr); application "
            "modules return results and report through a log sink",
            "gate/publish.cpp:5: gate writes to stdout/stderr (printf); application modules "
            "return results and report through a log sink",
        ])

    def test_output_allowed_in_libraries_and_cli(self):
        code, out, _ = self.check({"runner/progress.cpp": 'void p() { fmt::print(stderr, "x"); }\n'})
        self.assertEqual(code, 0, out)

    def test_pending_check_is_listed_but_passes(self):
        doc = with_checks(self.doc, output="pending")
        self.assertIn("output: pending", doc)
        code, out, _ = self.check({"ab/noise.cpp": "void n() { std::cerr << 1; }\n"}, doc=doc)
        self.assertEqual(code, 0, out)
        self.assertIn("pending: ab/noise.cpp:1: ab writes to stdout/stderr (std::cerr)", out)
        self.assertIn("pending checks (listed, not failing): output", out)

    def test_every_violation_is_reported(self):
        code, out, _ = self.check({
            "stats/a.cpp": '#include "runner/a.h"\n#include "store/b.h"\n#include <git2.h>\n',
            "trends/h.cpp": "int h;\n",
        })
        self.assertEqual(code, 1)
        self.assertEqual(len(out.splitlines()), 4, out)

    def test_missing_table_is_an_error(self):
        code, _, err = self.check(doc="# Architecture\n\nNo table here.\n")
        self.assertEqual(code, 2)
        self.assertIn("no ```dependencies block", err)

    def test_table_naming_an_unknown_module_is_an_error(self):
        doc = self.doc.replace("\nstats: core\n", "\nstats: core numbers\n")
        self.assertNotEqual(doc, self.doc)
        code, _, err = self.check(doc=doc)
        self.assertEqual(code, 2)
        self.assertIn("stats -> numbers: numbers is not a module of the table", err)

    def test_table_with_a_cycle_is_an_error(self):
        doc = self.doc.replace("\ncore:\n", "\ncore: gate\n")
        self.assertNotEqual(doc, self.doc)
        code, _, err = self.check(doc=doc)
        self.assertEqual(code, 2)
        self.assertIn("the table has a cycle", err)


class RealTableTest(unittest.TestCase):
    """The table in docs/architecture.md states the layering the project agreed on."""

    def test_layering(self):
        sys.path.insert(0, os.path.dirname(CHECKER))
        try:
            import check_architecture
        finally:
            sys.path.pop(0)
        with tempfile.TemporaryDirectory() as root:
            with open(DOC, encoding="utf-8") as f:
                write_tree(root, {}, f.read())
            rules = check_architecture.read_rules(root)
        layers = [["core"], ["process", "git"], ["stats", "runner", "store", "profile", "reporters", "forge"],
                  ["ab", "gate", "prepush", "history"], ["cli"]]
        self.assertEqual(sorted(rules.modules), sorted(m for layer in layers for m in layer))
        level = {m: i for i, layer in enumerate(layers) for m in layer}
        for module in rules.modules:
            if module == "cli":
                self.assertIsNone(rules.allowed[module])
                continue
            for dep in rules.allowed[module]:
                if (module, dep) == ("gate", "ab"):
                    continue  # the one edge within layer 3: the gate's interleaved mode runs an A/B job
                self.assertLess(level[dep], level[module], f"{module} -> {dep} does not point down")
                if level[module] == 2:
                    self.assertNotEqual(level[dep], 2, f"layer-2 siblings: {module} -> {dep}")
        self.assertEqual(rules.allowed["stats"], {"core"})
        self.assertEqual(rules.allowed["reporters"], {"core"})
        self.assertNotIn("gate", rules.allowed["prepush"])
        self.assertNotIn("ab", rules.allowed["prepush"])
        self.assertIn("ab", rules.allowed["gate"])
        for application in ("gate", "ab", "prepush"):
            self.assertNotIn(application, rules.allowed["history"])
        self.assertIn(("git2.h", "git"), rules.include_owners)
        self.assertEqual(rules.no_output, {"ab", "gate", "prepush", "history"})


if __name__ == "__main__":
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--checker")
    parser.add_argument("--doc")
    args, rest = parser.parse_known_args()
    CHECKER = os.path.abspath(args.checker) if args.checker else CHECKER
    DOC = os.path.abspath(args.doc) if args.doc else DOC
    unittest.main(argv=[sys.argv[0]] + rest)
