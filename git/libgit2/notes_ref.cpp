#include "git/libgit2/notes_ref.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "core/errors.h"
#include "git/libgit2/handles.h"
#include "git/libgit2/notes_ref_intent.h"
#include "git/notes.h"

namespace benchgate::git {
namespace {

std::filesystem::path common_dir(git_repository* repo) {
  return git_repository_commondir(repo);
}

// Publishes `next` if the ref still holds `expected` (or still does not exist). Returns false when
// we lost the race (or the ref is locked), true on success; throws on any other error.
bool compare_and_swap(git_repository* repo, const std::string& ref, const git_commit* expected,
                      const git_oid& next, const std::string& log_message) {
  git_reference* out = nullptr;
  int error = expected
                  ? git_reference_create_matching(&out, repo, ref.c_str(), &next, 1,
                                                  git_commit_id(expected), log_message.c_str())
                  : git_reference_create(&out, repo, ref.c_str(), &next, 0, log_message.c_str());
  ReferencePtr owned(out);
  if (error == GIT_EMODIFIED || error == GIT_EEXISTS || error == GIT_ELOCKED) {
    git_error_clear();
    return false;
  }
  check(error, fmt::format("updating {}", ref));
  return true;
}

}  // namespace

void sleep_with_jitter(int attempt) {
  thread_local std::mt19937 random{std::random_device{}()};
  int ceiling_ms = std::min(2 << std::min(attempt, 6), 100);
  std::uniform_int_distribution<int> pause(1, ceiling_ms);
  std::this_thread::sleep_for(std::chrono::milliseconds(pause(random)));
}

RefUpdate update_notes_ref(git_repository* repo, const std::string& ref, const NotesBuild& build,
                           const std::string& log_message, const NotesPolicy& policy) {
  // Serialises benchgate writers of this repository (cheap, and with the publish record it lets
  // the policy recognise a ref lock left by a killed writer). The compare-and-swap below still
  // guards against everyone else: plain git, fetches into the ref, other machines sharing the
  // directory.
  const std::filesystem::path dir = common_dir(repo);
  const std::shared_ptr<void> turn = policy.take_turn(dir / "benchgate-notes.flock");
  const std::optional<std::string> dead_writers_lock = PublishIntent::left_by_dead_writer(dir, ref);
  // A lock a dead writer left goes before this writer's record replaces the dead one's: killed
  // in between, this writer would leave a lock that no record matches, and every later writer
  // would stop at it.
  if (dead_writers_lock) policy.wait_out_ref_lock(dir / (ref + ".lock"), dead_writers_lock);
  RefUpdate outcome;
  for (outcome.attempts = 1; outcome.attempts <= kMaxPublishAttempts; ++outcome.attempts) {
    CommitPtr tip = commit_of_reference(repo, ref);
    std::optional<git_oid> next = build(tip.get());
    if (!next) {
      if (tip) outcome.tip = *git_commit_id(tip.get());
      return outcome;
    }
    bool swapped = false;
    {
      const PublishIntent intent(dir, ref, to_hex(*next));
      swapped = compare_and_swap(repo, ref, tip.get(), *next, log_message);
    }
    if (swapped) {
      outcome.changed = true;
      outcome.tip = *next;
      return outcome;
    }
    // Lost the race, or someone holds `<ref>.lock`: a live git process (waited for, never taken)
    // or a benchgate writer that died moving the ref (removed). Returns at once when unlocked.
    policy.wait_out_ref_lock(dir / (ref + ".lock"), dead_writers_lock);
    sleep_with_jitter(outcome.attempts);
  }
  throw EnvironmentError(fmt::format(
      "{}: gave up after {} attempts: other writers kept moving the ref (or `{}.lock` is held)",
      ref, kMaxPublishAttempts, ref));
}

}  // namespace benchgate::git
