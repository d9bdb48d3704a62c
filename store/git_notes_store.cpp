#include "store/git_notes_store.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "git/notes.h"
#include "git/revision.h"
#include "store/failpoint.h"
#include "store/notes_policy.h"

namespace benchgate::store {

namespace {

// Only where the git notes store is what needs a repository is the directory store the way out;
// a command that needs git anyway (the gate's commits) must not suggest it.
git::Repository open_for_notes(const std::filesystem::path& repo_path) {
  try {
    return git::Repository::open(repo_path);
  } catch (const InputError& e) {
    throw InputError(fmt::format("{} or use --store dir:PATH", e.what()));
  }
}

}  // namespace

GitNotesStore::GitNotesStore(const std::filesystem::path& repo_path, std::string ref)
    : repo_(open_for_notes(repo_path)), ref_(std::move(ref)) {}

std::string GitNotesStore::describe() const {
  return fmt::format("git notes {} in {}", ref_, repo_.common_dir().string());
}

void GitNotesStore::check_key(const std::string& commit) const {
  if (!git::has_commit(repo_, commit))
    throw InputError(fmt::format("commit {} is not in {}", commit, describe()));
}

std::optional<std::string> GitNotesStore::read_text(const std::string& commit) const {
  return git::read_note(repo_, ref_, commit);
}

std::vector<std::string> GitNotesStore::annotated_commits() const {
  return git::annotated_commits(repo_, ref_);
}

void GitNotesStore::merge_lines(const std::string& commit, const std::vector<std::string>& lines) {
  auto edit = [&](const git::NotesTip& tip) -> git::NoteChanges {
    std::vector<std::string> current;
    if (auto text = tip.read(commit)) current = split_lines(*text);
    std::vector<std::string> merged = union_lines(current, lines);
    if (merged.size() == current.size()) return {};
    return {{commit, join_lines(merged)}};
  };
  git::edit_notes(repo_, ref_, edit, "benchgate: save baseline for " + commit, StoreNotesPolicy{},
                  [] { failpoint("notes-before-publish"); });
}

void GitNotesStore::remove(const std::vector<std::string>& commits) {
  auto edit = [&](const git::NotesTip& tip) -> git::NoteChanges {
    git::NoteChanges removals;
    for (const auto& commit : commits)
      if (tip.read(commit)) removals[commit] = std::nullopt;
    return removals;
  };
  git::edit_notes(repo_, ref_, edit, "benchgate: prune baselines", StoreNotesPolicy{});
}

std::optional<long long> GitNotesStore::commit_time(const std::string& commit) const {
  // Nothing for notes fetched for commits this clone does not have.
  return git::commit_time(repo_, commit);
}

}  // namespace benchgate::store
