#pragma once
// What a benchgate writer is about to do to a notes ref, written down while it holds its turn
// (git/notes_policy.h), so that the next writer can recognise a `<ref>.lock` left by a writer
// that died while moving the ref: libgit2 writes the new value into the lock before renaming
// it, and that value, a notes commit the dead writer had just built, is written in this record.
// A lock with any other content belongs to someone else and is never removed.
//
// The record is `<common dir>/benchgate-notes.publishing`: the ref's name and the new value, one
// per line. It exists only between the writer's write and its cleanup, so one found by a writer
// that holds the turn was left by a writer that is gone.
#include <filesystem>
#include <optional>
#include <string>

namespace benchgate::git {

class PublishIntent {
 public:
  // Records that `ref` is about to be set to `next_hex` (removed again by the destructor).
  PublishIntent(const std::filesystem::path& common_dir, const std::string& ref,
                const std::string& next_hex);
  ~PublishIntent();
  PublishIntent(const PublishIntent&) = delete;
  PublishIntent& operator=(const PublishIntent&) = delete;

  // The content `<ref>.lock` has if a writer died while moving `ref`, from the record it left;
  // nothing when no record of `ref` was left. Call while holding the turn, before publishing.
  static std::optional<std::string> left_by_dead_writer(const std::filesystem::path& common_dir,
                                                        const std::string& ref);

 private:
  std::filesystem::path file_;
};

}  // namespace benchgate::git
