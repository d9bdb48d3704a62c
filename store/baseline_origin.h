#pragma once
// Which stored records may serve as a baseline (docs/store.md#which-records-can-be-a-baseline).
// A baseline is the yardstick of a change, so it must come from the branch the change merges
// into, measured with that branch's own configuration and build. Records made elsewhere stay in
// the store (they are real measurements) but lookups pass them over and say so.
#include <optional>
#include <string>

#include "core/run_record.h"

namespace benchgate::store {

struct OriginPolicy {
  // Accept records made on any branch (`--baselines-from any`), e.g. a team that records its
  // release branches by hand. The built-by rule still holds unless this is set.
  bool any_branch = false;
  // The branch the change merges into, by name ("main", "release-2"), when known: records of a
  // run of that branch qualify besides the default branch's.
  std::string target_branch;
};

// Why `record` cannot be a baseline under `policy` ("made by a local run on branch topic"), or
// nothing when it can. Records without provenance (older versions of benchgate, hand-made
// records) qualify: nothing says where they came from, and refusing them would silently drop
// every existing baseline.
std::optional<std::string> why_not_a_baseline(const RunRecord& record, const OriginPolicy& policy);

}  // namespace benchgate::store
