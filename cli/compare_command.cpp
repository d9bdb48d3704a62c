// `benchgate compare BASE HEAD` and `benchgate compare --base-commit REV HEAD`: compare results
// already on disk, or head results with the baseline stored for a commit.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/baseline_actions.h"
#include "cli/command.h"
#include "cli/compare_options.h"
#include "cli/default_testbed.h"
#include "cli/help_sections.h"
#include "cli/report_output.h"
#include "core/errors.h"
#include "core/text.h"
#include "gate/compare_sides.h"
#include "runner/config.h"
#include "runner/environment.h"
#include "runner/result_format.h"
#include "stats/compare.h"

namespace benchgate::cli {
namespace {

struct CompareCommand {
  std::vector<std::string> paths;  // BASE HEAD, or HEAD alone with --base-commit
  std::string input_format;        // empty = detect per file
  std::string config_path;
  std::string base_commit;
  std::string testbed;
  std::string calibration_file;  // --calibration: the job-to-job spread for separate jobs
  std::string suite;             // which suite of the calibration
  BaselineCommon store_options;  // --repo, --store
  CompareFlags flags;
  ReportFlags report;

  // The base side from the store: every record of `base_commit` for the testbed, pooled; each
  // record is one stored job (`jobs`).
  RunRecord load_stored_base(const RunRecord& head, std::string& label,
                             std::vector<RunRecord>& jobs) const {
    // --testbed, else the head record's, else (Google Benchmark or hyperfine results name
    // none) this machine's, as the gate does with such --results.
    std::string bed = !testbed.empty() ? testbed : head.testbed;
    if (bed.empty()) bed = runner::this_machine_testbed();
    auto store = store_options.open();
    std::string key = store_options.resolve_key(base_commit);
    store::CommitRecords stored = store->load(key, bed);
    warn_about(stored.problems);
    if (stored.records.empty()) {
      std::string others =
          stored.testbeds.empty() ? "none" : fmt::format("{}", fmt::join(stored.testbeds, ", "));
      throw InputError(
          fmt::format("no baseline for testbed \"{}\" on commit {} in {} (testbeds there: {})", bed,
                      key, store->describe(), others));
    }
    RunRecord base = stored.records.front();
    for (std::size_t i = 1; i < stored.records.size(); ++i) merge_records(base, stored.records[i]);
    label = fmt::format("{} ({} stored job{})", short_commit(key), stored.records.size(),
                        stored.records.size() == 1 ? "" : "s");
    jobs = std::move(stored.records);
    return base;
  }

  int run() const {
    const std::size_t expected = base_commit.empty() ? 2 : 1;
    if (paths.size() != expected)
      throw InputError(base_commit.empty()
                           ? "compare needs BASE and HEAD (or --base-commit REV and HEAD)"
                           : "with --base-commit, give only HEAD");
    std::optional<runner::Config> config;
    if (!config_path.empty()) config = runner::load_config(config_path);
    stats::CompareOptions options = to_compare_options(flags, config ? &config->gate : nullptr);
    std::optional<std::string> format;
    if (!input_format.empty()) format = input_format;

    std::string base_label = base_commit.empty() ? paths.front() : std::string();
    gate::CompareSides sides;
    if (base_commit.empty()) {
      runner::Sides loaded = runner::load_sides(paths.front(), paths.back(), format);
      sides.base = std::move(loaded.base);
      sides.head = std::move(loaded.head);
    } else {
      sides.head = runner::load_results(paths.back(), format);
      sides.base = load_stored_base(sides.head, base_label, sides.base_jobs);
    }
    Report result{gate::compare_sides(sides, options, calibration_file, suite)};
    result.comparison.base_label = base_label;
    result.comparison.head_label = paths.back();
    emit_reports(result, report);
    return result.comparison.fails() ? kExitRegression : kExitPass;
  }
};

}  // namespace

void register_compare_command(CLI::App& app, Action& action) {
  auto command = std::make_shared<CompareCommand>();
  CLI::App* sub = app.add_subcommand(
      "compare",
      "Compare two sets of benchmark results and decide whether HEAD regressed.\n"
      "BASE and HEAD are each a results file (Google Benchmark JSON, hyperfine JSON or a "
      "benchgate\n"
      "run record) or a directory whose every *.json file is one more process of that side.\n"
      "With --base-commit REV, BASE is the baseline stored for that commit (benchgate baseline).\n"
      "BASE and HEAD from different runs are separate jobs: their regressions are unconfirmed\n"
      "(exit 0) unless --calibration gives the job-to-job spread or --trust-single-job is set;\n"
      "the two records of one interleaved job (benchgate ab) are compared process by process.");
  set_help_sections(
      *sub,
      {{"benchgate compare base.json head.json", "console report of two results files"},
       {"benchgate compare base/ head/ --calibration calibration.json --format markdown -o pr.md",
        "directories of process files; the calibration's spread lets separate jobs block"},
       {"benchgate compare ab-out/base.json ab-out/head.json",
        "the two records of one interleaved job (benchgate ab), process by process"},
       {"benchgate compare --base-commit origin/main head.json",
        "base: the baseline stored for origin/main, of head.json's testbed"}},
      "0 pass, 1 regression found, 2 usage or input error, 3 internal error.");
  sub->add_option("BASE HEAD", command->paths, "Base and head results: files or directories")
      ->required()
      ->expected(1, 2);
  sub->add_option(
      "--input-format", command->input_format,
      "Force the input format (gbench, hyperfine, nanobench, catch2, lines, benchgate) instead "
      "of detecting it");
  sub->add_option("--config", command->config_path,
                  "benchgate.toml whose [gate] table sets metric, alpha, thresholds, ignore and "
                  "fail_on (flags given on the command line win)");
  sub->add_option("--base-commit", command->base_commit,
                  "Load BASE from the baseline store: the records stored for this commit");
  sub->add_option("--testbed", command->testbed,
                  std::string("With --base-commit: the testbed whose records to use (default: "
                              "HEAD's record's, else ") +
                      kThisMachineTestbed + ")");
  sub->add_option("--repo", command->store_options.repo,
                  "With --base-commit: the git repository (default: discovered from .)");
  sub->add_option("--store", command->store_options.store,
                  "With --base-commit: git, git:REF or dir:PATH")
      ->capture_default_str();
  sub->add_option("--calibration", command->calibration_file,
                  "A calibration (`benchgate calibrate -o FILE`): its job-to-job spread lets "
                  "regressions between separate jobs block");
  sub->add_option("--suite", command->suite,
                  "With --calibration: the suite whose spread to use (default: HEAD's suite, or "
                  "the calibration's only one)");
  add_compare_flags(*sub, command->flags);
  add_report_flags(*sub, command->report);
  sub->callback([&action, command] { action = [command] { return command->run(); }; });
}

}  // namespace benchgate::cli
