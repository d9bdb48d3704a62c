#include "store/baseline_origin.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "core/provenance.h"
#include "core/text.h"

namespace benchgate::store {

std::optional<std::string> why_not_a_baseline(const RunRecord& record, const OriginPolicy& policy) {
  std::optional<Provenance> p;
  try {
    p = provenance_of(record);
  } catch (const InputError& e) {
    // A damaged record is passed over like any other that cannot vouch for itself.
    return fmt::format("unreadable provenance: {}", e.what());
  }
  if (!p || policy.any_branch) return std::nullopt;
  if (!p->built_by.empty() && p->built_by != record.commit)
    return fmt::format("made by {}: another commit's configuration built it",
                       p->describe(record.commit));
  if (p->explicit_save || p->default_branch) return std::nullopt;
  if (!policy.target_branch.empty() && p->branch == policy.target_branch) return std::nullopt;
  return fmt::format(
      "made by {}, not on the {} branch", p->describe(record.commit),
      policy.target_branch.empty() ? std::string("default") : "default or " + policy.target_branch);
}

}  // namespace benchgate::store
