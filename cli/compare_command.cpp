// `benchgate compare BASE HEAD`: compare two sets of results already on disk.
#include <optional>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/compare_options.h"
#include "cli/report_output.h"
#include "core/errors.h"
#include "runner/result_format.h"
#include "stats/compare.h"

namespace benchgate::cli {
namespace {

struct CompareCommand {
  std::string base;
  std::string head;
  std::string input_format;  // empty = detect per file
  CompareFlags flags;
  ReportFlags report;

  int run() const {
    CompareOptions options = to_compare_options(flags);
    std::optional<std::string> format;
    if (!input_format.empty()) format = input_format;
    RunRecord base_record = load_results(base, format);
    RunRecord head_record = load_results(head, format);
    Comparison comparison = compare_runs(base_record, head_record, options);
    comparison.base_label = base;
    comparison.head_label = head;
    emit_reports(comparison, report);
    return comparison.overall() == "fail" ? kExitRegression : kExitPass;
  }
};

}  // namespace

void register_compare_command(CLI::App& app, Action& action) {
  auto command = std::make_shared<CompareCommand>();
  CLI::App* sub = app.add_subcommand(
      "compare",
      "Compare two sets of benchmark results and decide whether HEAD regressed.\n"
      "BASE and HEAD are each a results file (Google Benchmark JSON, hyperfine JSON or a benchgate\n"
      "run record) or a directory whose every *.json file is one more process of that side.\n"
      "Exit codes: 0 pass, 1 regression found, 2 usage or input error, 3 internal error.");
  sub->add_option("BASE", command->base, "Base results: file or directory")->required();
  sub->add_option("HEAD", command->head, "Head results: file or directory")->required();
  sub->add_option("--input-format", command->input_format,
                  "Force the input format (gbench, hyperfine, benchgate) instead of detecting it");
  add_compare_flags(*sub, command->flags);
  add_report_flags(*sub, command->report);
  sub->callback([&action, command] { action = [command] { return command->run(); }; });
}

}  // namespace benchgate::cli
