#pragma once
// The gate's traffic with the baseline store: fetch the remote's baselines before looking for
// one (best effort), and afterwards record head's results as its baseline and push them.
#include <string>
#include <string_view>
#include <vector>

#include "core/provenance.h"
#include "gate/gate_context.h"
#include "gate/gate_settings.h"
#include "gate/gate_suites.h"
#include "store/store.h"

namespace benchgate::gate {

// Merges the remote's notes into ours. Never fails the gate: a remote that is not configured is
// skipped quietly, any other failure is a warning (we then use the baselines we have).
void fetch_baselines(const GateSettings& settings);

// Where records that this gate run saves come from; `built_by` is the commit whose configuration
// and build produced them (head, also for the base side of an interleaved job).
Provenance run_provenance(const GateContext& context, const std::string& built_by);

// Saves every complete suite record for `head` and pushes the notes unless --no-push. Returns
// false when the push failed (the records are saved locally; the message says so).
bool record_baselines(const GateSettings& settings, store::Store& store, const GateContext& context,
                      const std::vector<SuiteHead>& heads);

// The two halves of record_baselines. save_baselines saves the complete runs for `commit`
// (naming the incomplete ones) with their provenance and returns how many it saved; `what` names
// them in the log
// ("suite run(s)"). push_baselines pushes the notes to --remote unless --no-push or a dir: store;
// on failure it prints an error, or only a warning when `failure_is_warning`, and returns false.
std::size_t save_baselines(store::Store& store, const std::string& commit,
                           const std::vector<SuiteHead>& runs, const Provenance& provenance,
                           std::string_view what);
bool push_baselines(const GateSettings& settings, bool failure_is_warning);

}  // namespace benchgate::gate
