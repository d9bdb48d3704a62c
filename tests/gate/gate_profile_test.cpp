// Profiles end to end, with real perf and the real benchgate binary: `benchgate run --profile`
// writes folded profiles whose hot function is the one the program is known to spend its time
// in; the gate records profiles with the baseline on the default branch, and a pull-request-like
// gate of a slower head explains the regression with the function that grew, a differential
// flame graph, and — when no base profile is stored — says so. Skipped with perf's reason where
// perf is not permitted.
#include <algorithm>
#include <functional>
#include <map>
#include <regex>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/forge/fake_gitlab.h"
#include "tests/gate/gate_fixture.h"
#include "tests/profile/profile_test_util.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;
using ::testing::Not;
using namespace testing;
namespace fs = std::filesystem;

fs::path hotspot(const std::string& variant) {
  return test_program("gate", variant);
}

// Self samples per leaf function of a folded profile, read independently of benchgate's parser:
// "a;b;leaf 12" lines, '#' comments skipped.
std::map<std::string, long> self_samples(const std::string& folded) {
  std::map<std::string, long> self;
  std::istringstream in(folded);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto space = line.rfind(' ');
    const std::string stack = line.substr(0, space);
    const auto leaf = stack.rfind(';');
    self[leaf == std::string::npos ? stack : stack.substr(leaf + 1)] +=
        std::stol(line.substr(space + 1));
  }
  return self;
}

std::string top_function(const std::string& folded) {
  const auto self = self_samples(folded);
  if (self.empty()) return "";
  return std::max_element(self.begin(), self.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

// The "Δ (pp)" column of every row of the first function table after `heading`, by function.
std::map<std::string, double> table_deltas(const std::string& markdown,
                                           const std::string& heading) {
  std::map<std::string, double> deltas;
  const auto start = markdown.find(heading);
  if (start == std::string::npos) return deltas;
  std::istringstream in(markdown.substr(start));
  std::string line;
  bool in_table = false;
  static const std::regex row(R"(^\| (.+?) \| [0-9.]+% \| [0-9.]+% \| ([-+][0-9.]+) \|)");
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_search(line, m, row)) {
      in_table = true;
      std::string name = m[1];
      name.erase(std::remove(name.begin(), name.end(), '\\'), name.end());
      deltas[name] = std::stod(m[2]);
    } else if (in_table && line.rfind("|", 0) != 0) {
      break;
    }
  }
  return deltas;
}

class ProfileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(hotspot("hotspot_bench"))) GTEST_SKIP() << "hotspot_bench not built";
  }
  void require_perf() {
    if (const auto reason = perf_unavailable_reason(); !reason.empty()) GTEST_SKIP() << reason;
  }
  TempDir dir_{"benchgate-profile"};
};

TEST_F(ProfileTest, RunWritesAFoldedProfilePerBenchmarkWithItsHotFunction) {
  require_perf();
  const fs::path record = dir_ / "out" / "hot.json";
  auto r = run_benchgate({"run", "--profile", "-p", "2", "-r", "1", "-o", record.string(), "--",
                          hotspot("hotspot_bench").string(), "--benchmark_min_time=0.2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Timings were taken (and not under perf): the record is complete.
  EXPECT_THAT(read_file(record), HasSubstr("\"BM_Hot\""));
  const fs::path hot = dir_ / "out" / "hot.profiles" / "BM_Hot.folded";
  const fs::path steady = dir_ / "out" / "hot.profiles" / "BM_Steady.folded";
  ASSERT_TRUE(fs::exists(hot)) << r.err;
  ASSERT_TRUE(fs::exists(steady)) << r.err;
  EXPECT_EQ(top_function(read_file(hot)), "work::hash_block") << read_file(hot);
  EXPECT_EQ(top_function(read_file(steady)), "work::steady_sum");
  EXPECT_EQ(self_samples(read_file(steady)).count("work::hash_block"), 0u)
      << "the profile of BM_Steady ran BM_Hot too: the filter is not exact";
  EXPECT_THAT(read_file(hot), HasSubstr("# event: cpu-clock"));
  EXPECT_THAT(r.err, HasSubstr("profile 1/2: suite hotspot_bench"));
  EXPECT_THAT(r.err, HasSubstr(hot.string()));
}

TEST_F(ProfileTest, RunWithoutPerfSaysWhyAndHowToFixItAndStillSucceeds) {
  // No perf on PATH (the benchmark is given by its full path).
  const fs::path empty_bin = dir_ / "bin";
  fs::create_directories(empty_bin);
  ProcessOptions options;
  options.env["PATH"] = empty_bin.string();
  const fs::path record = dir_ / "hot.json";
  auto r = run_benchgate({"run", "--profile", "-p", "2", "-r", "1", "-o", record.string(), "--",
                          hotspot("hotspot_bench").string(), "--benchmark_min_time=0.01"},
                         options);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("`perf` was not found"));
  EXPECT_THAT(r.err, HasSubstr("apt-get install linux-perf"));
  EXPECT_THAT(r.err, HasSubstr("carrying on without profiles"));
  EXPECT_TRUE(fs::exists(record));
  EXPECT_FALSE(fs::exists(dir_ / "hot.profiles"));
}

TEST_F(ProfileTest, ConfigProfileKeysAreCheckedWithFileAndLine) {
  write_file(dir_ / "benchgate.toml",
             "[run]\nprocesses = 2\nprofile = \"sometimes\"\n\n[[suite]]\nname = \"hot\"\n"
             "command = [\"" +
                 hotspot("hotspot_bench").string() + "\"]\n");
  ProcessOptions options;
  options.cwd = dir_.path();
  auto r = run_benchgate({"run"}, options);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("benchgate.toml:3:"));
  EXPECT_THAT(r.err, HasSubstr("`profile` is \"sometimes\", expected none, changed or all"));
  write_file(dir_ / "benchgate.toml",
             "[run]\nprofile_call_graph = \"lbr\"\n\n[[suite]]\nname = \"hot\"\n"
             "command = [\"" +
                 hotspot("hotspot_bench").string() + "\"]\n");
  r = run_benchgate({"run"}, options);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("benchgate.toml:2:"));
  EXPECT_THAT(r.err, HasSubstr("expected fp or dwarf"));
}

// The gate in a real repository with a real bare remote.
class GateProfileTest : public ProfileTest {
 protected:
  void write_config(const fs::path& repo, const std::string& variant, const std::string& profile) {
    write_file(repo / "benchgate.toml",
               "testbed = \"tb\"\n[run]\nprofile = \"" + profile +
                   "\"\nprofile_min_time = 0.3\n[[suite]]\nname = \"hot\"\ncommand = [\"" +
                   hotspot(variant).string() +
                   "\", \"--benchmark_min_time=0.2\"]\nprocesses = 5\nrepetitions = 1\n");
  }
  ProcessResult gate(const fs::path& repo, std::vector<std::string> args,
                     const fs::path& report_dir,
                     const std::map<std::string, std::string>& job_env = {}) {
    ProcessOptions options;
    options.cwd = repo;
    options.unset_env = ci_variables();
    options.env = {{"NO_COLOR", "1"}};
    for (const auto& [k, v] : job_env) options.env[k] = v;
    options.timeout_seconds = 300;
    args.insert(args.begin(), {"gate", "--allow-insecure-http", "--report-dir", report_dir.string(),
                               "--trust-single-job"});
    return run_benchgate(args, options);
  }
  // Records a baseline of `base` (profiled when `profile` is "all") on main and pushes it.
  std::string record_main(const std::string& profile) {
    const std::string base = repo_.commit("measured base");
    git(repo_.work(), {"push", "-q", "origin", "main"});
    write_config(repo_.work(), "hotspot_bench", profile);
    auto r = gate(repo_.work(), {"--record", "always", "--target", "HEAD~1"}, dir_ / "main-report");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    main_log_ = r.err;
    return base;
  }
  // A fresh clone on a topic branch whose benchmark binary is the slow build.
  // `job_env` makes it a CI job (then `--target` comes from the job's variables).
  ProcessResult gate_slower_pull_request(
      const fs::path& report_dir,
      const std::function<std::map<std::string, std::string>(const std::string&)>& job_env = {}) {
    const fs::path clone = repo_.clone("pr");
    git(clone, {"checkout", "-q", "-b", "topic"});
    const std::string head = repo_.commit("slower checksum", clone);
    write_config(clone, "hotspot_bench_slow", "none");
    clone_ = clone;
    if (job_env) return gate(clone, {"--profile", "changed"}, report_dir, job_env(head));
    return gate(clone, {"--target", "origin/main", "--profile", "changed"}, report_dir);
  }

  GitFixture repo_{dir_.path()};
  std::string main_log_;
  fs::path clone_;
};

TEST_F(GateProfileTest, PullRequestShowsWhereTheTimeWentAgainstTheStoredBaseProfile) {
  require_perf();
  const std::string base = record_main("all");
  EXPECT_THAT(main_log_, HasSubstr("stored 2 profile(s) of " + base.substr(0, 12)));
  EXPECT_THAT(main_log_, HasSubstr("pushed profiles to origin"));
  // On the remote, under its own ref: one JSON line per benchmark, gzip that python's own zlib
  // reads back to a folded profile larger than it (a profile of a few stacks, smaller than
  // gzip's overhead, is stored as it is).
  const std::string note =
      git(repo_.remote(), {"notes", "--ref", "benchgate-profiles", "show", base});
  EXPECT_THAT(note, HasSubstr("\"benchmark\":\"BM_Hot\""));
  write_file(dir_ / "note.jsonl", note + "\n");
  auto check = run_process(
      {"/usr/bin/python3", "-c",
       "import base64, gzip, json, sys\n"
       "for line in open(sys.argv[1]):\n"
       "  p = json.loads(line)\n"
       "  packed = base64.b64decode(p['data'])\n"
       "  gz = p['encoding'] == 'folded+gzip'\n"
       "  assert gz or p['encoding'] == 'folded', p['encoding']\n"
       "  text = (gzip.decompress(packed) if gz else packed).decode()\n"
       "  assert len(text) == p['size'], (len(text), p['size'])\n"
       "  assert len(packed) < len(text) if gz else len(gzip.compress(packed)) >= len(packed)\n"
       "  assert 'work::' in text\n"
       "  print(p['benchmark'], p['encoding'], len(packed), len(text))\n",
       (dir_ / "note.jsonl").string()});
  ASSERT_EQ(check.exit_code, 0) << check.err;
  EXPECT_THAT(check.out, HasSubstr("BM_Hot folded+gzip"));  // several stacks: gzip wins
  std::cerr << "stored profiles (benchmark, encoding, stored bytes, folded bytes):\n" << check.out;

  const fs::path report = dir_ / "pr-report";
  auto r = gate_slower_pull_request(report);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_THAT(r.err, HasSubstr("fetched profiles from origin"));
  const std::string markdown = read_file(report / "comparison.md");
  EXPECT_THAT(markdown,
              HasSubstr("<summary>Where the time went: <code>BM&#95;Hot</code> (regression"));
  EXPECT_THAT(markdown, HasSubstr("<code>flamegraphs/hot-BM\\_Hot.svg</code>"));
  const auto deltas = table_deltas(markdown, "Where the time went: <code>BM&#95;Hot</code>");
  ASSERT_FALSE(deltas.empty()) << markdown;
  const auto grew =
      std::max_element(deltas.begin(), deltas.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  EXPECT_EQ(grew->first, "work::checksum") << markdown;
  EXPECT_GT(grew->second, 10.0) << markdown;
  const std::string svg = read_file(report / "flamegraphs" / "hot-BM_Hot.svg");
  EXPECT_THAT(svg, HasSubstr("<svg"));
  EXPECT_THAT(svg, HasSubstr("work::checksum"));
  EXPECT_THAT(svg, HasSubstr("var DIFF = true")) << "a differential flame graph";
}

TEST_F(GateProfileTest, MissingBaseProfileIsStatedAndHeadIsShownAlone) {
  require_perf();
  const std::string base = record_main("none");  // baseline without profiles
  EXPECT_THAT(main_log_, Not(HasSubstr("stored 2 profile(s)")));
  const fs::path report = dir_ / "pr-report";
  auto r = gate_slower_pull_request(report);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string markdown = read_file(report / "comparison.md");
  EXPECT_THAT(markdown, HasSubstr("Where the time went: <code>BM&#95;Hot</code>"));
  EXPECT_THAT(markdown, HasSubstr("no base profile stored for <code>" + base.substr(0, 12) +
                                  "</code> (testbed tb): showing head only"));
  EXPECT_THAT(
      markdown,
      HasSubstr(
          "Head flame graph in the report directory: <code>flamegraphs/hot-BM\\_Hot.svg</code>"));
  const std::string svg = read_file(report / "flamegraphs" / "hot-BM_Hot.svg");
  EXPECT_THAT(svg, HasSubstr("work::checksum"));
  EXPECT_THAT(svg, HasSubstr("var DIFF = false"));
}

// On a GitLab merge request the flame graph is uploaded (project uploads API) and embedded in the
// note as an image, with a link to the interactive SVG.
TEST_F(GateProfileTest, GitlabMergeRequestNoteEmbedsTheUploadedFlameGraph) {
  require_perf();
  const std::string base = record_main("none");
  FakeGitlab gitlab;
  const fs::path report = dir_ / "mr-report";
  auto r = gate_slower_pull_request(report, [&](const std::string& head) {
    return std::map<std::string, std::string>{{"GITLAB_CI", "true"},
                                              {"CI_API_V4_URL", gitlab.api_base()},
                                              {"CI_PROJECT_ID", gitlab.options().project_id},
                                              {"CI_DEFAULT_BRANCH", "main"},
                                              {"CI_COMMIT_SHA", head},
                                              {"CI_MERGE_REQUEST_IID", "4"},
                                              {"CI_MERGE_REQUEST_DIFF_BASE_SHA", base},
                                              {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main"},
                                              {"CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "topic"},
                                              {"BENCHGATE_GITLAB_TOKEN", gitlab.options().token}};
  });
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // BM_Hot's flame graph; on a loaded machine the other benchmark may get a verdict (and an
  // upload) of its own, so the upload is looked up by name.
  const auto uploads = gitlab.uploads();
  const auto hot = std::find_if(uploads.begin(), uploads.end(),
                                [](const auto& u) { return u.filename == "hot-BM_Hot.svg"; });
  ASSERT_NE(hot, uploads.end()) << r.err;
  EXPECT_EQ(hot->content_type, "image/svg+xml");
  EXPECT_EQ(hot->content, read_file(report / "flamegraphs" / "hot-BM_Hot.svg"));
  const auto notes = gitlab.notes(4);
  ASSERT_EQ(notes.size(), 1u) << r.err;
  EXPECT_THAT(notes[0].body, HasSubstr("Where the time went: <code>BM&#95;Hot</code>"));
  EXPECT_THAT(notes[0].body, HasSubstr("![hot-BM_Hot](" + hot->url + ")"));
  EXPECT_THAT(notes[0].body, HasSubstr("[open interactive](" + hot->url + ")"));
  // The report file keeps the relative name: it is read next to its flamegraphs/ folder.
  EXPECT_THAT(read_file(report / "comparison.md"),
              HasSubstr("<code>flamegraphs/hot-BM\\_Hot.svg</code>"));
}

}  // namespace
}  // namespace benchgate
