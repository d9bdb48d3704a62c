// `benchgate history` through the real binary: the three text formats, CSV read back by Python's
// csv module, and usage errors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "profile/folded_packing.h"
#include "stats/change_points.h"
#include "store/git_notes_store.h"
#include "store/profile_store.h"
#include "tests/forge/fake_github.h"
#include "tests/history/history_fixture.h"
#include "tests/store/git_fixture.h"
#include "tests/support/process.h"

namespace benchgate::testing {
namespace {

class HistoryCli : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 3; ++i) {
      commits_.push_back(repo_.commit(i == 1 ? "=HYPERLINK(\"http://x\"), \"quoted\"" : "plain"));
      repo_.job(commits_.back());
    }
  }
  ProcessResult history(std::vector<std::string> args) {
    args.insert(args.begin(), "history");
    return run_benchgate(args, in_dir(repo_.path()));
  }

  HistoryRepo repo_;
  std::vector<std::string> commits_;
};

TEST_F(HistoryCli, ConsoleShowsOneLinePerSeriesWithASparkline) {
  const ProcessResult r = history({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("history of main"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("unit/BM_A  real_time  ci  "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("▁▁▁"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(3 jobs)"), std::string::npos) << r.out;
}

TEST_F(HistoryCli, ConsoleCleansUntrustedNamesForTheTerminal) {
  repo_.job(commits_[2],
            {.created_at = "2026-01-02T00:00:00Z", .levels = {{"BM_\x1b[2Jevil\u202e", 5}}});
  const ProcessResult r = history({});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("BM_[2Jevil"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(r.out.find("\u202e"), std::string::npos);
}

TEST_F(HistoryCli, JsonIsTheWholeHistory) {
  const ProcessResult r = history({"--format", "json", "--benchmark", "BM_A"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["branch"], "main");
  EXPECT_EQ(j["head"], commits_.back());
  ASSERT_EQ(j["series"].size(), 1u);
  EXPECT_EQ(j["series"][0]["benchmark"], "BM_A");
  EXPECT_EQ(j["series"][0]["points"].size(), 3u);
  EXPECT_EQ(j["series"][0]["points"][0]["commit"], commits_[0]);
  EXPECT_EQ(j["series"][0]["points"][0]["processes"], 5);
  EXPECT_EQ(j["detection"]["min_segment"], stats::ChangePointSettings{}.min_segment);
}

TEST_F(HistoryCli, CsvReadsBackWithPythonsCsvModuleAndDefusesFormulas) {
  TempDir out;
  const auto file = out / "history.csv";
  const ProcessResult r = history({"--format", "csv", "-o", file.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const ProcessResult py =
      run_process({"/usr/bin/python3", "-c",
                   "import csv, json, sys\n"
                   "rows = list(csv.DictReader(open(sys.argv[1], newline='')))\n"
                   "print(json.dumps(rows))\n",
                   file.string()});
  ASSERT_EQ(py.exit_code, 0) << py.err;
  const nlohmann::json rows = nlohmann::json::parse(py.out);
  ASSERT_EQ(rows.size(), 6u);  // 2 benchmarks x 3 jobs
  std::size_t formulas = 0;
  for (const auto& row : rows) {
    EXPECT_EQ(row["testbed"], "ci");
    EXPECT_EQ(row["processes"], "5");
    EXPECT_GT(std::stod(row["estimate"].get<std::string>()), 0);
    if (row["commit"] == commits_[1]) {
      EXPECT_EQ(row["subject"], "'=HYPERLINK(\"http://x\"), \"quoted\"");
      ++formulas;
    }
  }
  EXPECT_EQ(formulas, 2u);
}

TEST_F(HistoryCli, DirectoryStoreWithoutProfilesReads) {
  TempDir records;
  const RunRecord job = make_job({});
  const auto file = write_record(records / "job.json", job);
  const std::string store = "dir:" + (records / "store").string();
  const ProcessResult saved =
      run_benchgate({"baseline", "save", "--store", store, "--commit", commits_[2], file.string()},
                    in_dir(repo_.path()));
  ASSERT_EQ(saved.exit_code, 0) << saved.err;
  const ProcessResult r = history({"--store", store, "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["series"].size(), 2u);
  EXPECT_EQ(j["series"][0]["points"].size(), 1u);
}

TEST_F(HistoryCli, BadRegexIsAUsageErrorNamingIt) {
  const ProcessResult r = history({"--benchmark", "BM_(["});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("benchgate: error: --benchmark \"BM_([\""), std::string::npos) << r.err;
}

TEST_F(HistoryCli, BadSinceAndHtmlWithoutDirectoryAreUsageErrors) {
  EXPECT_EQ(history({"--since", "last tuesday"}).exit_code, 2);
  const ProcessResult html = history({"--format", "html"});
  EXPECT_EQ(html.exit_code, 2);
  EXPECT_NE(html.err.find("-o DIR"), std::string::npos) << html.err;
}

TEST_F(HistoryCli, UnknownBranchIsAnInputError) {
  const ProcessResult r = history({"--branch", "no-such-branch"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("no-such-branch"), std::string::npos) << r.err;
}

TEST_F(HistoryCli, NotARepositoryIsAnEnvironmentOrInputErrorNotACrash) {
  TempDir elsewhere;
  const ProcessResult r = run_benchgate({"history"}, in_dir(elsewhere.path()));
  EXPECT_TRUE(r.exit_code == 2 || r.exit_code == 3) << r.exit_code << r.err;
  EXPECT_NE(r.err.find("benchgate: error:"), std::string::npos) << r.err;
}

// The dashboard through the binary: a step of 50% in BM_A is a change point; both sides have a
// stored profile, so the site gets its differential flame graph; in GitHub Actions every point
// links to its commit on the server the CI names.
TEST(HistoryCliSite, HtmlWritesTheSiteWithCommitLinksAndTheFlameGraphAcrossTheChange) {
  HistoryRepo repo;
  std::vector<std::string> commits;
  for (int i = 0; i < 12; ++i) {
    commits.push_back(repo.commit("commit " + std::to_string(i)));
    const double jitter = 1 + 0.01 * (i % 3 - 1);  // jobs differ a little, as real ones do
    repo.job(commits.back(),
             {.levels = {{"BM_A", (i < 6 ? 100.0 : 150.0) * jitter}, {"BM_B", 200 * jitter}}});
  }
  store::ProfileStore profiles(
      std::make_unique<store::GitNotesStore>(repo.path(), store::kProfileNotesRef));
  for (int i : {5, 6}) {
    const std::string folded = i == 5 ? "main;work 10\n" : "main;work 10\nmain;grown 5\n";
    store::StoredProfile p;
    p.testbed = "ci";
    p.suite = "unit";
    p.benchmark = "BM_A";
    const auto packed = profile::pack_folded(folded);
    p.encoding = packed.encoding;
    p.data = packed.data;
    p.size = folded.size();
    profiles.save(commits[static_cast<std::size_t>(i)], {p});
  }
  ProcessOptions options = in_dir(repo.path());
  options.env = {{"GITHUB_ACTIONS", "true"},
                 {"GITHUB_REPOSITORY", "octo/widgets"},
                 {"GITHUB_SERVER_URL", "https://forge.example"}};
  const ProcessResult r = run_benchgate({"history", "--format", "html", "-o", "site"}, options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("(1 differential flame graph(s))"), std::string::npos) << r.err;
  std::ifstream in(repo.path() / "site" / "index.html");
  std::stringstream page;
  page << in.rdbuf();
  EXPECT_NE(page.str().find("https://forge.example/octo/widgets/commit/"), std::string::npos);
  int svgs = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(repo.path() / "site" / "flamegraphs")) {
    ++svgs;
    EXPECT_NE(page.str().find(entry.path().filename().string()), std::string::npos)
        << entry.path() << " is not linked from the page";
  }
  EXPECT_EQ(svgs, 1);
}

TEST(HistoryCliSite, CommitUrlFlagWinsAndOutsideCiThereIsNoLink) {
  HistoryRepo repo;
  repo.job(repo.commit("only"));
  ProcessOptions options = in_dir(repo.path());
  options.unset_env = {"GITHUB_ACTIONS", "GITLAB_CI"};
  ProcessResult r = run_benchgate({"history", "--format", "html", "-o", "plain"}, options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_benchgate(
      {"history", "--format", "html", "-o", "linked", "--commit-url", "https://git.example/c/"},
      options);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto read = [&](const char* dir) {
    std::ifstream in(repo.path() / dir / "index.html");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  EXPECT_EQ(read("plain").find("commit/"), std::string::npos);
  EXPECT_NE(read("linked").find("https://git.example/c/"), std::string::npos);
}

// `--alert` through the binary against the fake GitHub: the step of BM_A opens one issue, the
// next run updates it, and the token reaches neither the output nor the issue.
TEST(HistoryCliAlert, ARecentChangeOpensOneIssueThatTheNextRunUpdates) {
  HistoryRepo repo;
  for (int i = 0; i < 12; ++i) {
    const std::string commit = repo.commit("commit " + std::to_string(i));
    const double jitter = 1 + 0.01 * (i % 3 - 1);
    repo.job(commit, {.levels = {{"BM_A", (i < 6 ? 100.0 : 150.0) * jitter}, {"BM_B", 200}}});
  }
  FakeGithub github;
  ProcessOptions options = in_dir(repo.path());
  options.env = {{"GITHUB_API_URL", github.api_base()},
                 {"GITHUB_REPOSITORY", github.options().repo},
                 {"GITHUB_TOKEN", github.options().token}};
  const std::vector<std::string> args = {"history", "--alert", "--alert-forge", "github",
                                         "--allow-insecure-http"};
  for (int run = 0; run < 2; ++run) {
    const ProcessResult r = run_benchgate(args, options);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find(github.options().token), std::string::npos);
    EXPECT_EQ(r.err.find(github.options().token), std::string::npos);
    const auto issues = github.issues();
    ASSERT_EQ(issues.size(), 1u) << "run " << run << ": " << r.err;
    EXPECT_NE(issues[0].body.find("BM\\_A"), std::string::npos) << issues[0].body;
    EXPECT_EQ(issues[0].body.find("BM\\_B"), std::string::npos) << issues[0].body;
    EXPECT_EQ(issues[0].body.find(github.options().token), std::string::npos);
  }
}

TEST(HistoryCliAlert, WithoutAForgeAlertIsAUsageError) {
  HistoryRepo repo;
  repo.job(repo.commit("only"));
  ProcessOptions options = in_dir(repo.path());
  options.unset_env = {"GITHUB_ACTIONS", "GITLAB_CI", "GITHUB_REPOSITORY", "CI_PROJECT_ID"};
  const ProcessResult r = run_benchgate({"history", "--alert"}, options);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
}

}  // namespace
}  // namespace benchgate::testing
