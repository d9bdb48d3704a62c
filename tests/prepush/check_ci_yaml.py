#!/usr/bin/python3
"""Checks the CI files benchgate ships (ci/, examples/ci/): each parses as YAML (python3-yaml)
and has the structure its platform needs, so a typo does not first show up in a user's pipeline.
With the benchgate binary as a second argument it also checks that every `benchgate gate` option
the files use exists (`benchgate gate --help`), so the CI files follow the command's flags.
Usage: check_ci_yaml.py SOURCE_DIR [BENCHGATE]. Prints every problem; exits 1 when there is one."""
import pathlib
import re
import subprocess
import sys

import yaml

problems = []


def problem(path, message):
    problems.append(f"{path}: {message}")


def load_all(path):
    try:
        with open(path, encoding="utf-8") as f:
            return list(yaml.safe_load_all(f))
    except yaml.YAMLError as e:
        problem(path, f"not valid YAML: {e}")
        return None


def triggers(workflow):
    # YAML 1.1 reads the bare key `on` as the boolean True.
    return workflow.get("on", workflow.get(True))


def check_action(path, docs):
    action = docs[0]
    if action.get("runs", {}).get("using") != "composite":
        problem(path, "runs.using must be 'composite'")
    for name in ("config", "token", "fail-on"):
        if name not in action.get("inputs", {}):
            problem(path, f"missing input '{name}'")
    steps = action.get("runs", {}).get("steps", [])
    for i, step in enumerate(steps):
        if "run" in step and "shell" not in step:
            problem(path, f"step {i + 1} ({step.get('name')}): a composite run step needs 'shell'")
    text = path.read_text(encoding="utf-8")
    for needed in ("scripts/deps.sh", "benchgate gate", "upload-artifact"):
        if needed not in text:
            problem(path, f"does not mention {needed}")


def check_gitlab_component(path, docs):
    if len(docs) != 2 or "spec" not in (docs[0] or {}):
        problem(path, "a CI/CD component is two YAML documents: `spec:` then `---` then jobs")
        return
    inputs = docs[0]["spec"].get("inputs", {})
    text = path.read_text(encoding="utf-8")
    for name in inputs:
        if f"inputs.{name}" not in text:
            problem(path, f"input '{name}' is declared but never used")
    for name in ("config", "fail-on"):
        if name not in inputs:
            problem(path, f"missing input '{name}'")
    jobs = {k: v for k, v in docs[1].items() if isinstance(v, dict) and "script" in v}
    if not jobs:
        problem(path, "no job with a script")


def check_github_workflow(path, docs):
    workflow = docs[0]
    if not triggers(workflow):
        problem(path, "no 'on:' triggers")
    jobs = workflow.get("jobs", {})
    if not jobs:
        problem(path, "no jobs")
    for name, job in jobs.items():
        if "runs-on" not in job:
            problem(path, f"job {name}: no runs-on")
        for step in job.get("steps", []):
            uses = step.get("uses", "")
            if uses.startswith("actions/checkout") and step.get("with", {}).get("fetch-depth") != 0 \
                    and "workflow_run" not in triggers(workflow):
                problem(path, f"job {name}: actions/checkout needs fetch-depth: 0 (merge-bases)")


def check_gitlab_ci(path, docs):
    pipeline = docs[0]
    if "include" not in pipeline and not any(
            isinstance(v, dict) and "script" in v for v in pipeline.values()):
        problem(path, "neither includes the component nor defines a job")


def strings_in(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings_in(value)


def gate_options_used(docs):
    """(command, option) for every option on a `benchgate gate [publish]` command line."""
    for text in (t for doc in docs for t in strings_in(doc)):
        for line in text.replace("\\\n", " ").splitlines():
            for match in re.finditer(r"benchgate gate( publish)?\b(.*)", line):
                for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", match.group(2)):
                    yield ("gate publish" if match.group(1) else "gate"), option


def check_gate_options(path, docs, benchgate):
    known = {}
    for command in ("gate", "gate publish"):
        help_text = subprocess.run([benchgate, *command.split(), "--help"], capture_output=True,
                                   text=True, check=True).stdout
        known[command] = set(re.findall(r"(--[a-z][a-z-]*)", help_text))
    for command, option in gate_options_used(docs):
        if option not in known[command]:
            problem(path, f"`benchgate {command}` has no option {option}")


def main():
    source = pathlib.Path(sys.argv[1])
    checks = {
        source / "ci/github/action.yml": check_action,
        source / "ci/gitlab/benchgate.yml": check_gitlab_component,
        source / "examples/ci/github-benchmarks.yml": check_github_workflow,
        source / "examples/ci/github-fork-publish.yml": check_github_workflow,
        source / "examples/ci/gitlab-ci.yml": check_gitlab_ci,
    }
    for path, check in checks.items():
        if not path.exists():
            problem(path, "missing")
            continue
        docs = load_all(path)
        if docs:
            check(path, docs)
            if len(sys.argv) > 2:
                check_gate_options(path, docs, sys.argv[2])
    # Any other YAML file under ci/ or examples/ci/ must at least parse.
    for folder in (source / "ci", source / "examples/ci"):
        for path in sorted(folder.rglob("*.y*ml")):
            if path not in checks:
                load_all(path)
    # The fork pattern: the publishing workflow must name the workflow it waits for.
    benchmarks = load_all(source / "examples/ci/github-benchmarks.yml") or [{}]
    publish = load_all(source / "examples/ci/github-fork-publish.yml") or [{}]
    run_on = (triggers(publish[0]) or {}).get("workflow_run", {}).get("workflows", [])
    if benchmarks[0].get("name") not in run_on:
        problem("examples/ci/github-fork-publish.yml",
                f"workflow_run.workflows {run_on} does not name the benchmarks workflow "
                f"'{benchmarks[0].get('name')}'")
    for p in problems:
        print(p)
    print(f"{len(checks)} CI files checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
