#!/usr/bin/python3
"""Checks the CI files benchgate ships (ci/, templates/, examples/ci/): each parses as YAML
(python3-yaml) and has the structure its platform needs, so a typo does not first show up in a
user's pipeline. The GitHub workflow's expressions are evaluated for each event it runs on
(github_expressions.py), so the checks ask what it does: which commit a pull request checks out,
which runs cancel which, what a back-fill passes to the gate. With the benchgate binary as a
second argument it also checks that every `benchgate gate` option the files use exists
(`benchgate gate --help`), so the CI files follow the command's flags.
Usage: check_ci_yaml.py SOURCE_DIR [BENCHGATE]. Prints every problem; exits 1 when there is one."""
import pathlib
import re
import subprocess
import sys

import yaml

from github_expressions import evaluate

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
    check_action_install_modes(path, action, steps)
    text = path.read_text(encoding="utf-8")
    for needed in ("scripts/deps.sh", "benchgate gate", "upload-artifact"):
        if needed not in text:
            problem(path, f"does not mention {needed}")
    # Only the build packages exist on Ubuntu runners as well as in Debian containers.
    for step in steps:
        if "scripts/deps.sh" in step.get("run", "") and "--build" not in step["run"]:
            problem(path, f"step '{step.get('name')}' runs scripts/deps.sh without --build "
                          "(the development packages are Debian-only)")


def check_action_install_modes(path, action, steps):
    """Which steps run for each way of getting benchgate (input `install`), from their evaluated
    `if:`: an image or a package never compiles, a build runs only on a cache miss, and every
    way ends with a benchgate the gate can run."""
    install = action.get("inputs", {}).get("install", {})
    if install.get("default") != "build":
        problem(path, "input 'install' must default to 'build' (the fallback that works anywhere)")

    def runs(step, mode, cache_hit):
        condition = step.get("if")
        if condition is None:
            return True
        context = {"inputs": {"install": mode, "package": "x.deb"},
                   "steps": {"build-cache": {"outputs": {"cache-hit": cache_hit}}}}
        return bool(evaluate("${{ " + str(condition) + " }}", context))

    def doing(mode, cache_hit):
        ran = [s for s in steps if runs(s, mode, cache_hit)]
        text = "\n".join(str(s.get("run", "")) + str(s.get("uses", "")) for s in ran)
        return text

    try:
        for mode in ("image", "package"):
            text = doing(mode, "")
            if "cmake" in text or "deps.sh" in text:
                problem(path, f"install: {mode} still builds benchgate (cmake or deps.sh runs)")
        if "apt-get install" not in doing("package", "") or "BENCHGATE_PACKAGE" not in \
                doing("package", ""):
            problem(path, "install: package does not install the package with apt-get")
        if "command -v benchgate" not in doing("image", ""):
            problem(path, "install: image does not check that benchgate is on PATH")
        miss, hit = doing("build", ""), doing("build", "true")
        if "cmake --build" not in miss or "actions/cache" not in miss:
            problem(path, "install: build does not build benchgate under actions/cache")
        if "cmake --build" in hit:
            problem(path, "install: build compiles benchgate again on a cache hit")
        for mode, cache_hit in (("image", ""), ("package", ""), ("build", ""), ("build", "true")):
            if "benchgate --version" not in doing(mode, cache_hit):
                problem(path, f"install: {mode}: the log does not say which benchgate runs")
    except ValueError as e:
        problem(path, f"an `if:` the checks cannot evaluate: {e}")


def is_component_path(path, source):
    """GitLab finds catalog components at templates/<name>.yml or templates/<name>/template.yml."""
    parts = path.relative_to(source).parts
    return (len(parts) == 2 and parts[0] == "templates" and path.suffix == ".yml") or \
        (len(parts) == 3 and parts[0] == "templates" and parts[2] == "template.yml")


def jobs_of(pipeline):
    return {k: v for k, v in pipeline.items() if isinstance(v, dict) and "script" in v}


def check_interruptible(path, jobs):
    """A job on the default branch records baselines: a newer pipeline must not cancel it."""
    for name, job in jobs.items():
        for rule in job.get("rules", []):
            if "CI_DEFAULT_BRANCH" in str(rule.get("if", "")) and \
                    rule.get("interruptible", job.get("interruptible", False)) is not False:
                problem(path, f"job {name}: interruptible on the default branch (rule "
                              f"{rule.get('if')!r}); its baseline recording could be cancelled")


def check_gitlab_component(path, docs):
    if len(docs) != 2 or "spec" not in (docs[0] or {}):
        problem(path, "a CI/CD component is two YAML documents: `spec:` then `---` then jobs")
        return
    if not isinstance(docs[0]["spec"].get("inputs"), dict):
        problem(path, "the `spec:` header declares no `inputs:`")
        return
    inputs = docs[0]["spec"].get("inputs", {})
    text = path.read_text(encoding="utf-8")
    for name in inputs:
        if f"inputs.{name}" not in text:
            problem(path, f"input '{name}' is declared but never used")
    for name in ("config", "fail-on"):
        if name not in inputs:
            problem(path, f"missing input '{name}'")
    install = inputs.get("install", {})
    if install.get("default") != "build" or sorted(install.get("options", [])) != \
            ["build", "image", "package"]:
        problem(path, "input 'install' must offer build (the default), package and image")
    jobs = jobs_of(docs[1])
    if not jobs:
        problem(path, "no job with a script")
    for name, job in jobs.items():
        script = "\n".join(job.get("script", []))
        for mode in ("image)", "package)", "build)"):
            if mode not in script:
                problem(path, f"job {name}: the script has no case for install {mode[:-1]}")
        if ".benchgate-cache/" not in (job.get("cache") or {}).get("paths", []):
            problem(path, f"job {name}: install build keeps no cache (.benchgate-cache/)")
    check_interruptible(path, jobs)
    for name, job in jobs.items():
        if not any("CI_DEFAULT_BRANCH" in str(r.get("if", "")) for r in job.get("rules", [])):
            problem(path, f"job {name}: no rule for the default branch, where baselines are recorded")
        if "deps.sh" in str(job.get("script")) and "deps.sh --build" not in str(job.get("script")):
            problem(path, f"job {name}: scripts/deps.sh without --build (Debian-only packages)")


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
        elif str(job["runs-on"]) in ("ubuntu-20.04", "ubuntu-22.04") and "container" not in job:
            problem(path, f"job {name}: {job['runs-on']} cannot build benchgate (scripts/deps.sh "
                          "--build): use ubuntu-24.04 or a debian:12 container")
        for step in job.get("steps", []):
            uses = step.get("uses", "")
            if uses.startswith("actions/checkout") and step.get("with", {}).get("fetch-depth") != 0 \
                    and "workflow_run" not in triggers(workflow):
                problem(path, f"job {name}: actions/checkout needs fetch-depth: 0 (merge-bases)")


HEAD, BASE, MERGE, PUSHED, OTHER, DISPATCHED = (c * 40 for c in "abcdef")
# `benchgate gate` options the workflow's evaluated expressions pass (checked like the others).
evaluated_gate_options = {}


def github_run(event, sha, pr_number=None, commit=None):
    """The expression context of one run: `event` at GITHUB_SHA `sha`."""
    github = {"event_name": event, "sha": sha, "ref": "refs/heads/main", "event": {}}
    if pr_number:
        github["ref"] = f"refs/pull/{pr_number}/merge"
        github["event"]["pull_request"] = {"number": pr_number, "head": {"sha": HEAD},
                                           "base": {"sha": BASE, "ref": "main"}}
    return {"github": github, "inputs": {"commit": commit} if commit else {}}


RUNS = {
    "pull_request": github_run("pull_request", MERGE, pr_number=7),
    "the same PR's next push": github_run("pull_request", MERGE, pr_number=7),
    "another PR": github_run("pull_request", MERGE, pr_number=8),
    "push to main": github_run("push", PUSHED),
    "the next push to main": github_run("push", OTHER),
    "workflow_dispatch": github_run("workflow_dispatch", OTHER, commit=DISPATCHED),
}


def check_github_benchmarks(path, docs):
    """What the benchmarks workflow does for each event, from its evaluated expressions."""
    check_github_workflow(path, docs)
    workflow = docs[0]
    try:
        def value(node, run):
            return evaluate(node, RUNS[run])

        # The gate labels the measurement with the PR's head sha (the event payload) and compares
        # it with the merge-base's baseline: the tree measured must be that head, not the merge
        # commit GitHub checks out by default, which has the base branch's later changes in it.
        wanted = {"pull_request": HEAD, "push to main": PUSHED, "workflow_dispatch": DISPATCHED}
        for name, job in workflow.get("jobs", {}).items():
            steps = job.get("steps", [])
            checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout")]
            gates = [s for s in steps if "/ci/github" in s.get("uses", "")]
            for step in checkouts[:1]:
                for run, sha in wanted.items():
                    got = value(step.get("with", {}).get("ref"), run) or RUNS[run]["github"]["sha"]
                    if got != sha:
                        problem(path, f"job {name}: on {run} actions/checkout checks out {got[:8]}"
                                      f"…, not {sha[:8]}… (the commit the gate labels)")
                # Whatever the checkout persists in .git/config, the PR's build and benchmarks
                # can read: a PR run pushes nothing, so it keeps no token there.
                persisted = value(step.get("with", {}).get("persist-credentials", True), "pull_request")
                if persisted not in (False, "false"):
                    problem(path, f"job {name}: on pull_request actions/checkout persists the "
                                  "token in .git/config (persist-credentials), where the PR's "
                                  "build and benchmarks can read it")
                for run in ("push to main", "workflow_dispatch"):
                    if value(step.get("with", {}).get("persist-credentials", True), run) in \
                            (False, "false"):
                        problem(path, f"job {name}: on {run} actions/checkout persists no "
                                      "credentials, and the gate pushes the notes with them")
            for step in gates:
                given = step.get("with", {})
                for run in ("pull_request", "push to main"):
                    if value(given.get("fail-on", "regression"), run) != "regression":
                        problem(path, f"job {name}: on {run} fail-on is not 'regression'")
                args = {run: str(value(given.get("args", ""), run) or "").split() for run in RUNS}
                evaluated_gate_options.setdefault(path, []).extend(
                    ("gate", a) for words in args.values() for a in words if a.startswith("--"))
                backfill = " ".join(args["workflow_dispatch"])
                if f"--head {DISPATCHED}" not in backfill or "--record always" not in backfill:
                    problem(path, f"job {name}: a workflow_dispatch back-fill passes {backfill!r}, "
                                  "not --head <inputs.commit> --record always")

        concurrency = workflow.get("concurrency")
        if concurrency:
            group = {run: value(concurrency.get("group"), run) for run in RUNS}
            cancel = {run: value(concurrency.get("cancel-in-progress", False), run) for run in RUNS}
            if group["pull_request"] != group["the same PR's next push"] or \
                    not cancel["pull_request"]:
                problem(path, "concurrency: a PR's new push does not cancel its older run")
            if group["pull_request"] == group["another PR"]:
                problem(path, "concurrency: two PRs share a group and cancel each other")
            # GitHub cancels the *pending* run of a group when another is queued, whatever
            # cancel-in-progress says: runs that record baselines need a group of their own.
            for a, b in (("push to main", "the next push to main"), ("push to main",
                                                                     "workflow_dispatch")):
                if group[a] == group[b]:
                    problem(path, f"concurrency: {a} and {b} share the group {group[a]!r}: a "
                                  "burst of pushes drops the baselines of the pending runs")
            for run in ("push to main", "workflow_dispatch"):
                if cancel[run]:
                    problem(path, f"concurrency: cancel-in-progress on {run}")
    except ValueError as e:
        problem(path, f"an expression the checks cannot evaluate: {e}")


def check_gitlab_ci(path, docs):
    pipeline = docs[0]
    if "include" not in pipeline and not jobs_of(pipeline):
        problem(path, "neither includes the component nor defines a job")
    check_interruptible(path, jobs_of(pipeline))
    # GitLab's default (`conservative`) cancels a newer pipeline's predecessor's jobs that have not
    # started, interruptible or not: a queued default-branch benchmark job would be lost.
    on_new_commit = (pipeline.get("workflow") or {}).get("auto_cancel", {}).get("on_new_commit")
    if on_new_commit not in ("interruptible", "none"):
        problem(path, f"workflow:auto_cancel:on_new_commit is {on_new_commit!r}: pending "
                      "default-branch jobs would be cancelled (use 'interruptible')")
    for include in pipeline.get("include", []):
        file = include.get("file", "") if isinstance(include, dict) else ""
        if file and not file.startswith("templates/"):
            problem(path, f"includes {file}, which is not a component under templates/")


def check_github_history_pages(path, docs):
    """The nightly dashboard on GitHub Pages: scheduled, least privilege, whole history and notes."""
    check_github_workflow(path, docs)
    workflow = docs[0]
    if "schedule" not in (triggers(workflow) or {}):
        problem(path, "not on a schedule")
    if workflow.get("permissions") != {"contents": "read", "pages": "write", "id-token": "write"}:
        problem(path, f"permissions are {workflow.get('permissions')!r}, not exactly contents: "
                      "read, pages: write, id-token: write")
    text = path.read_text(encoding="utf-8")
    for needed in ("refs/notes/benchgate", "history --format html -o site",
                   "actions/upload-pages-artifact", "actions/deploy-pages"):
        if needed not in text:
            problem(path, f"does not mention {needed}")


def check_gitlab_history_pages(path, docs):
    """The nightly dashboard on GitLab Pages: a scheduled `pages` job publishing public/."""
    job = docs[0].get("pages")
    if not job:
        problem(path, "no `pages` job (GitLab publishes only that job's artifact)")
        return
    if "public" not in job.get("artifacts", {}).get("paths", []):
        problem(path, "the pages job's artifact is not public/")
    if not any("schedule" in str(rule.get("if", "")) for rule in job.get("rules", [])):
        problem(path, "the pages job does not run on a schedule")
    if str(job.get("variables", {}).get("GIT_DEPTH")) != "0":
        problem(path, "GIT_DEPTH is not 0 (the history walks the whole branch)")
    script = "\n".join(job.get("script", []))
    for needed in ("refs/notes/benchgate", "history --format html -o public"):
        if needed not in script:
            problem(path, f"the script does not mention {needed}")


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
    for command, option in [*gate_options_used(docs), *evaluated_gate_options.get(path, [])]:
        if option not in known[command]:
            problem(path, f"`benchgate {command}` has no option {option}")


def main():
    source = pathlib.Path(sys.argv[1])
    checks = {
        source / "ci/github/action.yml": check_action,
        source / "templates/benchgate.yml": check_gitlab_component,
        source / "examples/ci/github-benchmarks.yml": check_github_benchmarks,
        source / "examples/ci/github-fork-publish.yml": check_github_workflow,
        source / "examples/ci/github-release.yml": check_github_workflow,
        source / "examples/ci/gitlab-ci.yml": check_gitlab_ci,
        source / "examples/ci/github-history-pages.yml": check_github_history_pages,
        source / "examples/ci/gitlab-history-pages.yml": check_gitlab_history_pages,
    }
    loaded = {}
    for path, check in checks.items():
        if not path.exists():
            problem(path, "missing")
            continue
        docs = loaded[path] = load_all(path)
        if docs:
            check(path, docs)
            if len(sys.argv) > 2:
                check_gate_options(path, docs, sys.argv[2])
    # Any other YAML file under ci/, templates/ or examples/ci/ must at least parse, and a
    # component (a `spec:` header) must be where GitLab's catalog looks for one.
    for folder in (source / "ci", source / "templates", source / "examples/ci"):
        for path in sorted(folder.rglob("*.y*ml")):
            docs = loaded[path] if path in loaded else load_all(path)
            if docs and isinstance(docs[0], dict) and "spec" in docs[0] and \
                    not is_component_path(path, source):
                problem(path, "a CI/CD component must be templates/<name>.yml or "
                              "templates/<name>/template.yml to be included as a component")
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
