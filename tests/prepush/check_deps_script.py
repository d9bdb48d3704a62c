#!/usr/bin/python3
"""Runs scripts/deps.sh as the CI action and the GitLab component do (`deps.sh --build`, as root)
on described systems: an os-release file and a PATH of fake apt-get/dpkg-query/id that log what
the script asks for and report nothing installed. Checks that Ubuntu 24.04 and Debian 12 get the
build packages (and none of the Debian-only development ones), and that a system where the build
cannot work stops before installing anything, naming the image to use instead.
Usage: check_deps_script.py SOURCE_DIR. Prints every problem; exits 1 when there is one."""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

problems = []
DEBIAN_ONLY = ("linux-perf", "chromium", "libsimdjson14")  # other names on Ubuntu: never in --build
BUILD_SAMPLE = ("g++", "cmake", "libgit2-dev", "libtomlplusplus-dev", "libcpp-httplib-dev",
                "libsimdjson-dev")


def fake_bin(folder, with_apt):
    folder.mkdir()
    for tool in ("sed", "head", "grep"):
        os.symlink(shutil.which(tool), folder / tool)
    scripts = {"id": 'echo 0\n'}  # root: the script installs instead of printing the command
    if with_apt:
        scripts["apt-get"] = 'echo "$*" >> "$APT_LOG"\n'
        scripts["dpkg-query"] = "exit 1\n"  # nothing is installed
    for name, body in scripts.items():
        (folder / name).write_text("#!/bin/sh\n" + body)
        (folder / name).chmod(0o755)


def run(source, os_release, with_apt=True, args=("--build",)):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        fake_bin(tmp / "bin", with_apt)
        (tmp / "os-release").write_text(os_release)
        log = tmp / "apt.log"
        env = {"PATH": str(tmp / "bin"), "APT_LOG": str(log),
               "BENCHGATE_OS_RELEASE": str(tmp / "os-release")}
        r = subprocess.run(["/bin/bash", str(source / "scripts/deps.sh"), *args], env=env,
                           capture_output=True, text=True, check=False)
        return r.returncode, r.stderr, log.read_text() if log.exists() else ""


def expect_installs(source, name, os_release, args=("--build",), debian_only=False):
    code, err, apt = run(source, os_release, args=args)
    if code != 0:
        problems.append(f"{name}: exit {code}, expected 0: {err}")
    install = next((line for line in apt.splitlines() if line.startswith("install")), "")
    packages = install.split()
    for package in BUILD_SAMPLE:
        if package not in packages:
            problems.append(f"{name}: does not install {package}: apt-get {install!r}")
    for package in DEBIAN_ONLY:
        if (package in packages) != debian_only:
            problems.append(f"{name}: {package} {'missing from' if debian_only else 'in'} "
                            f"apt-get {install!r}")


def expect_refusal(source, name, os_release, with_apt=True):
    code, err, apt = run(source, os_release, with_apt)
    if code != 1:
        problems.append(f"{name}: exit {code}, expected 1: {err}")
    if "container: debian:12" not in err or "image: debian:12" not in err:
        problems.append(f"{name}: the message does not name the image to use: {err!r}")
    if apt:
        problems.append(f"{name}: called apt-get before refusing: {apt!r}")


def main():
    source = pathlib.Path(sys.argv[1])
    expect_installs(source, "ubuntu 24.04", 'ID=ubuntu\nVERSION_ID="24.04"\n')
    expect_installs(source, "debian 12", 'ID=debian\nVERSION_ID="12"\n')
    expect_installs(source, "debian testing", "ID=debian\n")
    expect_installs(source, "debian 12 with --test (development)", 'ID=debian\nVERSION_ID="12"\n',
                    args=("--test",), debian_only=True)
    expect_refusal(source, "ubuntu 22.04", 'ID=ubuntu\nVERSION_ID="22.04"\n')
    expect_refusal(source, "debian 11", 'ID=debian\nVERSION_ID="11"\n')
    expect_refusal(source, "no apt-get (not Debian or Ubuntu)", 'ID=fedora\nVERSION_ID=40\n',
                   with_apt=False)
    for p in problems:
        print(p)
    print(f"scripts/deps.sh: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
