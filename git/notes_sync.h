#pragma once
// Sharing a notes ref with a remote: what `benchgate baseline fetch` and `push` do (docs/store.md).
//
// fetch: the remote's notes ref is fetched into a remote-tracking ref
//        (`refs/notes/benchgate-remote/<remote>`), then merged line-wise into the local ref.
// push:  fetch + merge, then push the local ref; when the server refuses because someone pushed in
//        between, start over (with jitter, up to a cap). Any other refusal (a hook, permissions) is
//        an EnvironmentError quoting the server's message.
//
// Remotes that are local paths are written directly with a compare-and-swap on the remote's ref,
// because libgit2's local transport overwrites the ref unconditionally (concurrent pushers would
// lose each other's notes) — and like it, runs no server-side hooks.
#include <filesystem>
#include <string>

#include "git/notes_policy.h"

namespace benchgate::git {

struct SyncOptions {
  std::filesystem::path repo = ".";
  std::string remote = "origin";
  std::string ref = "refs/notes/benchgate";
  int max_attempts = 20;
};

struct SyncReport {
  std::string remote_url;    // redacted
  std::string tracking_ref;  // where the remote's notes were fetched to
  bool remote_has_notes = false;
  std::size_t notes_merged = 0;  // notes that changed locally by merging the remote's
  bool pushed = false;           // push: the remote's ref was moved
  int attempts = 0;
  std::string local_tip;  // the notes commit both sides hold afterwards (empty: no notes at all)
};

// The remote-tracking ref for `ref` of `remote`.
std::string tracking_ref(const std::string& ref, const std::string& remote);

// `policy` merges notes changed on both sides and makes writers take turns.
SyncReport fetch_notes(const SyncOptions& options, const NotesPolicy& policy);
SyncReport push_notes(const SyncOptions& options, const NotesPolicy& policy);

}  // namespace benchgate::git
