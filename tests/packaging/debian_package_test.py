#!/usr/bin/python3
"""The Debian package CPack makes from this build (packaging/CMakeLists.txt), checked as a user's
machine would see it:
- its name and control fields (dpkg-deb --info);
- Depends: declares the package of every shared library the binary needs. This is computed
  twice, independently of CPack: by dpkg-shlibdeps on the extracted binary, and by resolving each
  DT_NEEDED entry (readelf) to a file (ldconfig) and the file to its package (dpkg -S);
- the extracted tree (dpkg-deb -x) holds the binary and the man pages, and the extracted binary
  runs: --version names this source tree's commit and the build type, and a compare of real
  Google Benchmark output passes on identical results and fails (exit 1) on a 30% slowdown.
Usage: debian_package_test.py BUILD_DIR SOURCE_DIR VERSION BUILD_TYPE OUT_DIR"""
import json
import os
import pathlib
import platform
import re
import shutil
import subprocess
import sys

build_dir, source_dir, version, build_type, out_dir = sys.argv[1:6]
source_dir = pathlib.Path(source_dir)
out_dir = pathlib.Path(out_dir)
failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL: {message}")


def run(*args, check=True, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed ({result.returncode}):\n"
                 f"{result.stdout}{result.stderr}")
    return result


shutil.rmtree(out_dir, ignore_errors=True)
out_dir.mkdir(parents=True)
run("cpack", "--config", f"{build_dir}/CPackConfig.cmake", "-B", str(out_dir / "cpack"))
arch = run("dpkg", "--print-architecture").stdout.strip()
deb = out_dir / "cpack" / f"benchgate_{version}_{arch}.deb"
if not deb.exists():
    sys.exit(f"no {deb.name}; cpack made {sorted(p.name for p in (out_dir / 'cpack').glob('*.deb'))}")

# Control fields.
fields = {}
for line in run("dpkg-deb", "--field", str(deb)).stdout.splitlines():
    if ": " in line and not line.startswith(" "):
        key, value = line.split(": ", 1)
        fields[key] = value
for key, expected in (("Package", "benchgate"), ("Version", version), ("Architecture", arch)):
    if fields.get(key) != expected:
        fail(f"{key}: {fields.get(key)!r}, expected {expected!r}")
declared = {d.split()[0] for d in fields.get("Depends", "").split(", ") if d}
print(f"Depends: {fields.get('Depends')}")

tree = out_dir / "tree"
run("dpkg-deb", "-x", str(deb), str(tree))
binary = tree / "usr/bin/benchgate"
if not binary.exists():
    sys.exit(f"{deb.name} has no usr/bin/benchgate")

# dpkg-shlibdeps, run by hand on the extracted binary (it wants a debian/control to exist).
shlib_dir = out_dir / "shlibdeps"
(shlib_dir / "debian").mkdir(parents=True)
(shlib_dir / "debian/control").write_text("Source: benchgate\n\nPackage: benchgate\nArchitecture: any\n")
computed = run("dpkg-shlibdeps", "-O", f"-e{binary}", cwd=shlib_dir).stdout
computed = computed.split("shlibs:Depends=", 1)[1].strip()
for dependency in computed.split(", "):
    if dependency.split()[0] not in declared:
        fail(f"dpkg-shlibdeps says the binary needs {dependency}; Depends: does not declare it")

# Every DT_NEEDED library, to its file and its package.
needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", run("readelf", "-d", str(binary)).stdout)
cache = run("/sbin/ldconfig", "-p").stdout
machine = "x86-64" if platform.machine() == "x86_64" else platform.machine()
for library in needed:
    paths = re.findall(rf"^\s+{re.escape(library)} \(([^)]*)\) => (\S+)$", cache, re.M)
    paths = [path for flags, path in paths if machine in flags] or [path for _, path in paths]
    if not paths:
        fail(f"{library}: not in the dynamic linker's cache")
        continue
    owner = run("dpkg", "-S", os.path.realpath(paths[0]), check=False)
    if owner.returncode != 0:
        owner = run("dpkg", "-S", paths[0], check=False)
    package = owner.stdout.split(":", 1)[0] if owner.returncode == 0 else None
    if package is None:
        fail(f"{library} ({paths[0]}) belongs to no Debian package")
    elif package not in declared:
        fail(f"{library} comes from {package}, which Depends: does not declare")
print(f"{len(needed)} needed libraries, each from a declared package" if not failures else "")

# Man pages: the main page and one per subcommand, gzipped roff.
man_dir = tree / "usr/share/man/man1"
for page in ("benchgate.1.gz", "benchgate-compare.1.gz", "benchgate-baseline-find.1.gz"):
    if not (man_dir / page).exists():
        fail(f"no usr/share/man/man1/{page}")
    elif not run("zcat", str(man_dir / page)).stdout.startswith(".\\\" DO NOT MODIFY"):
        fail(f"{page} is not a help2man page")

# The extracted binary runs on its own, from a directory outside the build.
work = out_dir / "work"
work.mkdir()
commit = run("git", "-C", str(source_dir), "rev-parse", "--short=12", "HEAD", check=False).stdout.strip()
line = run(str(binary), "--version", cwd=work).stdout.strip()
expected = rf"^benchgate {re.escape(version)} \(commit {commit or 'unknown'}(-dirty)?, {re.escape(build_type)} build\)$"
if not re.match(expected, line):
    fail(f"--version printed {line!r}; expected /{expected}/")

# Real Google Benchmark output (tests/data/ingest): six processes per side, each a file, made from
# the two recorded runs with small spreads; head is the same 30% slower.
runs = [json.loads(path.read_text()) for path in
        sorted((source_dir / "tests/data/ingest/gbench/two_processes").glob("*.json"))]
for side, factor in (("base", 1.0), ("head", 1.3)):
    (work / side).mkdir()
    for i, spread in enumerate((1.0, 1.01, 0.99, 1.02, 0.98, 1.005)):
        result = json.loads(json.dumps(runs[i % len(runs)]))
        for entry in result["benchmarks"]:
            for key in ("real_time", "cpu_time"):
                if key in entry:
                    entry[key] *= factor * spread
        (work / side / f"process{i}.json").write_text(json.dumps(result))
same = run(str(binary), "compare", "base", "base", "--trust-single-job", cwd=work, check=False)
if same.returncode != 0:
    fail(f"compare of identical results exited {same.returncode}:\n{same.stdout}{same.stderr}")
slower = run(str(binary), "compare", "base", "head", "--trust-single-job", cwd=work, check=False)
if slower.returncode != 1:
    fail(f"compare of a 30% slowdown exited {slower.returncode}, expected 1:\n{slower.stdout}{slower.stderr}")

if failures:
    sys.exit(f"{len(failures)} problem(s) with {deb.name}")
print(f"{deb.name}: {fields['Depends']}\n{line}")
