#include "store/baseline_finder.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "git/history.h"
#include "git/remotes.h"
#include "git/revision.h"
#include "store/git_notes_store.h"

namespace benchgate::store {
namespace {

std::string short_id(const std::string& hex) {
  return hex.substr(0, 12);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Drops the records that may not be a baseline and says why, one line each.
std::vector<std::string> drop_unqualified(std::vector<RunRecord>& records,
                                          const OriginPolicy& origins) {
  std::vector<std::string> why_not;
  std::erase_if(records, [&](const RunRecord& record) {
    auto why = why_not_a_baseline(record, origins);
    if (why) why_not.push_back(std::move(*why));
    return why.has_value();
  });
  return why_not;
}

}  // namespace

std::string BaselineResult::summary() const {
  if (found()) {
    const auto& nearest = baselines.front();
    std::string where = nearest.distance == 0
                            ? "the merge-base itself"
                            : fmt::format("{} commit{} before the merge-base {}", nearest.distance,
                                          nearest.distance == 1 ? "" : "s", short_id(merge_base));
    std::string pooled =
        baselines.size() > 1
            ? fmt::format(" (pooled with {} more recorded ancestor(s))", baselines.size() - 1)
            : "";
    return fmt::format("baseline: {} ({}){}", nearest.commit, where, pooled);
  }
  return fmt::format(
      "no baseline: no record for this testbed on the merge-base {} or its first-parent "
      "ancestors within reach{}{}",
      short_id(merge_base), shallow_boundary ? " (history is shallow)" : "",
      passed_over.empty() ? ""
                          : fmt::format("; passed over {} record(s) not made on the target branch "
                                        "(--baselines-from any accepts them)",
                                        passed_over.size()));
}

BaselineResult find_baseline(const BaselineQuery& query, const Store& store) {
  if (query.testbed.empty())
    throw InputError("finding a baseline needs a testbed name (--testbed)");
  if (query.target.empty())
    throw InputError("finding a baseline needs a target branch or commit (--base)");
  if (query.max_distance < 0) throw InputError("--max-distance must be 0 or more");
  if (query.window < 1) throw InputError("the baseline window must be at least 1");
  const git::Repository repo = git::Repository::open(query.repo);
  BaselineResult result;
  result.head = git::resolve_revision(repo, query.head);
  result.target = git::resolve_revision(repo, query.target);
  result.merge_base = git::merge_base(repo, query.head, query.target);
  OriginPolicy origins = query.origins;
  if (origins.target_branch.empty())
    origins.target_branch = git::branch_named_by(query.repo, query.target).value_or("");
  git::FirstParentWalk walk(repo, result.merge_base);
  for (int distance = 0;; ++distance) {
    const std::string commit = walk.commit();
    CommitRecords loaded = store.load(commit, query.testbed);
    result.problems.insert(result.problems.end(), loaded.problems.begin(), loaded.problems.end());
    std::string line = fmt::format("{:>3}  {}  ", distance, short_id(commit));
    const std::vector<std::string> unqualified = drop_unqualified(loaded.records, origins);
    for (const auto& why : unqualified)
      result.passed_over.push_back(fmt::format("{}: {}", short_id(commit), why));
    if (!unqualified.empty())
      result.trail.push_back(line + fmt::format("passed over {} record(s): {}", unqualified.size(),
                                                unqualified.front()));
    if (!loaded.records.empty()) {
      result.trail.push_back(
          line + fmt::format("{} record(s) for testbed {}", loaded.records.size(), query.testbed));
      result.baselines.push_back({commit, distance, std::move(loaded.records)});
      if (static_cast<int>(result.baselines.size()) >= query.window) break;
    } else if (!unqualified.empty()) {
      // The trail line above says why.
    } else if (loaded.found) {
      result.trail.push_back(line + "records only for other testbeds: " + join(loaded.testbeds));
    } else {
      result.trail.push_back(line + "no record");
    }
    if (distance >= query.max_distance) {
      result.trail.push_back(
          fmt::format("     stopped: --max-distance {} reached", query.max_distance));
      break;
    }
    if (!walk.step()) {
      if (walk.end() == git::FirstParentWalk::End::kRoot)
        result.trail.push_back("     stopped: root commit reached");
      else
        result.shallow_boundary = true;
      break;
    }
  }
  if (result.shallow_boundary) {
    result.trail.push_back("     stopped: the clone's history ends here (shallow)");
    if (!result.found())
      throw EnvironmentError(fmt::format(
          "no baseline for testbed {} in the {} commit(s) this shallow clone has below the "
          "merge-base {}; the baseline may be further back: {}. Refusing to guess a baseline.",
          query.testbed, result.trail.size() - 1, short_id(result.merge_base), git::kDeepenHint));
  }
  return result;
}

BaselineResult find_baseline(const BaselineQuery& query) {
  GitNotesStore store(query.repo);
  return find_baseline(query, store);
}

}  // namespace benchgate::store
