// `benchgate history` through the real binary: the three text formats, CSV read back by Python's
// csv module, and usage errors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

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
  EXPECT_EQ(j["detection"]["min_segment"], 3);
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

}  // namespace
}  // namespace benchgate::testing
