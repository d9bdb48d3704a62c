// `benchgate baseline save` and `baseline show`: put run records into the store, read them back.
#include <cstdio>

#include <fmt/format.h>

#include "cli/baseline_actions.h"
#include "core/errors.h"
#include "core/provenance.h"
#include "core/run_record_json.h"
#include "runner/environment.h"

namespace benchgate::cli {

int run_baseline_save(const BaselineCommon& common, const SaveOptions& options) {
  // Read and validate every file before touching the store: one bad file saves nothing.
  std::vector<RunRecord> records;
  for (const auto& file : options.files) records.push_back(read_run_record_file(file));
  std::unique_ptr<store::Store> store = common.open();
  // Records go to --commit, else to the commit they say they measured, else HEAD.
  std::string rev =
      options.commit.value_or(records.front().commit.empty() ? "HEAD" : records.front().commit);
  std::string key = common.resolve_key(rev);
  for (std::size_t i = 0; i < records.size(); ++i) {
    RunRecord& record = records[i];
    if (options.testbed) record.testbed = *options.testbed;
    // A record that names no testbed is this machine's, as the gate takes such --results.
    if (record.testbed.empty()) record.testbed = runner::this_machine_testbed();
    if (!record.commit.empty() && record.commit != key && options.commit)
      fmt::print(stderr, "benchgate: warning: {} was measured on {}, saving it for {} as asked\n",
                 options.files[i], record.commit, key);
    if (record.dirty)
      fmt::print(stderr, "benchgate: warning: {} was measured on a modified working tree\n",
                 options.files[i]);
    record.commit = key;
    // Saved by hand: the user vouches for it, so lookups accept it on any branch.
    Provenance provenance;
    provenance.context = "baseline save";
    provenance.explicit_save = true;
    set_provenance(record, provenance);
  }
  store->save(key, records);
  fmt::print("saved {} record(s) for {} in {}\n", records.size(), key, store->describe());
  return kExitPass;
}

int run_baseline_show(const BaselineCommon& common, const ShowOptions& options) {
  std::unique_ptr<store::Store> store = common.open();
  std::string key = common.resolve_key(options.commit);
  store::CommitRecords loaded = store->load(key, options.testbed);
  warn_about(loaded.problems);
  if (loaded.records.empty()) {
    std::string which = options.testbed ? " for testbed " + *options.testbed : "";
    std::string others =
        loaded.testbeds.empty()
            ? ""
            : " (testbeds stored there: " + fmt::format("{}", fmt::join(loaded.testbeds, ", ")) +
                  ")";
    throw InputError(
        fmt::format("no readable baseline{} on {} in {}{}", which, key, store->describe(), others));
  }
  if (common.format == "json") {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& record : loaded.records) out.push_back(to_json(record));
    fmt::print("{}\n", out.dump(2));
    return kExitPass;
  }
  fmt::print("{} record(s) on {}\n", loaded.records.size(), key);
  for (const auto& r : loaded.records)
    fmt::print("  testbed {}  created {}  benchgate {}  {} process(es)  {} benchmark(s)\n",
               r.testbed, r.created_at.empty() ? "?" : r.created_at,
               r.tool_version.empty() ? "?" : r.tool_version, r.processes.size(),
               r.benchmarks.size());
  return kExitPass;
}

}  // namespace benchgate::cli
