#include "store/baseline_finder.h"

#include <fstream>
#include <set>

#include <fmt/format.h>

#include "core/errors.h"
#include "store/git_handle.h"
#include "store/git_notes_store.h"

namespace benchgate::store {
namespace {

// The boundary commits of a shallow clone (`<gitdir>/shallow`): their parents are not here.
std::set<std::string> shallow_boundary(git_repository* repo) {
  std::set<std::string> out;
  std::ifstream file(std::filesystem::path(git_repository_commondir(repo)) / "shallow");
  for (std::string line; std::getline(file, line);)
    if (is_full_hex_oid(line)) out.insert(line);
  return out;
}

std::string short_id(const std::string& hex) {
  return hex.substr(0, 12);
}

constexpr const char* kDeepenHint =
    "fetch more history (e.g. `git fetch --deepen=200`, or `git fetch --unshallow`; with "
    "actions/checkout set `fetch-depth: 0`)";

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

bool is_shallow(git_repository* repo, const std::set<std::string>& boundary) {
  return git_repository_is_shallow(repo) == 1 || !boundary.empty();
}

// `head_name` / `target_name` are the revisions as the user gave them, for messages.
git_oid merge_base_of(git_repository* repo, const std::string& head_name,
                      const std::string& target_name, const git_oid& head, const git_oid& target,
                      bool shallow) {
  git_oid base;
  int error = git_merge_base(&base, repo, &head, &target);
  if (error == 0) return base;
  std::string why = last_git_error();
  git_error_clear();
  if (shallow)
    throw EnvironmentError(fmt::format(
        "this is a shallow clone and the merge-base of {} and {} is not in its history ({}); {}. "
        "Refusing to guess a baseline.",
        head_name, target_name, why, kDeepenHint));
  if (error == GIT_ENOTFOUND)
    throw InputError(fmt::format("{} and {} have no common ancestor", head_name, target_name));
  throw EnvironmentError(fmt::format("merge-base of {} and {}: {}", head_name, target_name, why));
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
      "ancestors within reach{}",
      short_id(merge_base), shallow_boundary ? " (history is shallow)" : "");
}

BaselineResult find_baseline(const BaselineQuery& query, const Store& store) {
  if (query.testbed.empty())
    throw InputError("finding a baseline needs a testbed name (--testbed)");
  if (query.target.empty())
    throw InputError("finding a baseline needs a target branch or commit (--base)");
  if (query.max_distance < 0) throw InputError("--max-distance must be 0 or more");
  if (query.window < 1) throw InputError("the baseline window must be at least 1");
  RepoPtr repo = open_repository(query.repo);
  git_oid head = resolve_commit(repo.get(), query.head);
  git_oid target = resolve_commit(repo.get(), query.target);
  std::set<std::string> boundary = shallow_boundary(repo.get());

  BaselineResult result;
  result.head = to_hex(head);
  result.target = to_hex(target);
  git_oid current = merge_base_of(repo.get(), query.head, query.target, head, target,
                                  is_shallow(repo.get(), boundary));
  result.merge_base = to_hex(current);
  for (int distance = 0;; ++distance) {
    std::string commit = to_hex(current);
    CommitRecords loaded = store.load(commit, query.testbed);
    result.problems.insert(result.problems.end(), loaded.problems.begin(), loaded.problems.end());
    std::string line = fmt::format("{:>3}  {}  ", distance, short_id(commit));
    if (!loaded.records.empty()) {
      result.trail.push_back(
          line + fmt::format("{} record(s) for testbed {}", loaded.records.size(), query.testbed));
      result.baselines.push_back({commit, distance, std::move(loaded.records)});
      if (static_cast<int>(result.baselines.size()) >= query.window) break;
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
    CommitPtr here = lookup_commit(repo.get(), current);
    if (boundary.count(commit)) {
      result.shallow_boundary = true;
      break;
    }
    if (git_commit_parentcount(here.get()) == 0) {
      result.trail.push_back("     stopped: root commit reached");
      break;
    }
    const git_oid* parent = git_commit_parent_id(here.get(), 0);
    git_commit* parent_commit = nullptr;
    if (git_commit_lookup(&parent_commit, repo.get(), parent) < 0) {
      git_error_clear();
      result.shallow_boundary = true;  // the parent object is missing: truncated history
      break;
    }
    git_commit_free(parent_commit);
    current = *parent;
  }
  if (result.shallow_boundary) {
    result.trail.push_back("     stopped: the clone's history ends here (shallow)");
    if (!result.found())
      throw EnvironmentError(fmt::format(
          "no baseline for testbed {} in the {} commit(s) this shallow clone has below the "
          "merge-base {}; the baseline may be further back: {}. Refusing to guess a baseline.",
          query.testbed, result.trail.size() - 1, short_id(result.merge_base), kDeepenHint));
  }
  return result;
}

std::string find_merge_base(const std::filesystem::path& repo_path, const std::string& head,
                            const std::string& target) {
  RepoPtr repo = open_repository(repo_path);
  const git_oid head_oid = resolve_commit(repo.get(), head);
  const git_oid target_oid = resolve_commit(repo.get(), target);
  return to_hex(merge_base_of(repo.get(), head, target, head_oid, target_oid,
                              is_shallow(repo.get(), shallow_boundary(repo.get()))));
}

BaselineResult find_baseline(const BaselineQuery& query) {
  GitNotesStore store(query.repo);
  return find_baseline(query, store);
}

}  // namespace benchgate::store
