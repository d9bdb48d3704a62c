#!/usr/bin/env python3
"""docs/first-project.md, run as written: its ```sh blocks, in order, in one bash shell with
`set -euo pipefail`, in a fresh temporary directory, with the built benchgate first on PATH, an
isolated HOME and no CI variables (the page is about a developer's machine). Then the things the
page promises are checked: the reports, the hook, the ignored folders.

Usage: first_project_test.py DOCS_PAGE BENCHGATE_BINARY
"""
import os
import re
import subprocess
import sys
import tempfile
import time


def sh_blocks(page):
    with open(page, encoding="utf-8") as f:
        text = f.read()
    blocks = re.findall(r"^```sh\n(.*?)^```$", text, flags=re.S | re.M)
    if not blocks:
        sys.exit(f"{page}: no ```sh blocks")
    return blocks


def environment(home, benchgate):
    env = {k: v for k, v in os.environ.items()
           if not (k == "CI" or k.startswith(("GITHUB_", "GITLAB_", "CI_", "BENCHGATE_")))}
    env.update({
        "HOME": home,
        "PATH": os.path.dirname(os.path.abspath(benchgate)) + os.pathsep + env.get("PATH", ""),
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "first project", "GIT_AUTHOR_EMAIL": "dev@benchgate.invalid",
        "GIT_COMMITTER_NAME": "first project", "GIT_COMMITTER_EMAIL": "dev@benchgate.invalid",
        "NO_COLOR": "1",
    })
    return env


def main():
    page, benchgate = sys.argv[1], sys.argv[2]
    script = "set -euo pipefail\nset -x\n" + "\n".join(sh_blocks(page))
    with tempfile.TemporaryDirectory(prefix="benchgate-first-project-") as tmp:
        home = os.path.join(tmp, "home")
        os.mkdir(home)
        start = time.monotonic()
        run = subprocess.run(["bash", "-c", script], cwd=tmp, env=environment(home, benchgate),
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True, timeout=240)
        took = time.monotonic() - start
        print(run.stdout)
        print(f"first-project page: exit {run.returncode} after {took:.1f}s")
        if run.returncode != 0:
            sys.exit("the page's commands failed (output above)")
        project = os.path.join(tmp, "my-project")
        problems = []
        for path in ["benchgate-report/comparison.md", "benchgate-report/comparison.xml",
                     "benchgate-runs/strings.json", ".git/hooks/pre-push"]:
            if not os.path.exists(os.path.join(project, path)):
                problems.append(f"missing {path}")
        status = subprocess.run(["git", "status", "--porcelain"], cwd=project, text=True,
                                env=environment(home, benchgate), stdout=subprocess.PIPE).stdout
        if status.strip():
            problems.append(f"the work tree is not clean, nothing should be left unignored:\n{status}")
        for said in ["installed the pre-push hook", "job-to-job noise not yet measured"]:
            if said not in run.stdout:
                problems.append(f"the output does not say '{said}'")
        if problems:
            sys.exit("\n".join(problems))


if __name__ == "__main__":
    main()
