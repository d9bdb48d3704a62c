#pragma once
// Profiles beside the baselines (docs/design.md#baselines-in-git-notes,
// docs/profiles.md#storage-refsnotesbenchgate-profiles). The entry of commit C holds one JSON line
// per profile measured on C, keyed by (testbed, suite, benchmark). For git the entries are notes
// under their own ref (refs/notes/benchgate-profiles next to refs/notes/benchgate), so fetching
// baselines never downloads profiles; they are fetched and pushed separately, only when needed.
//
// Writes go through Store::save_lines: the same atomic, line-merging writer as the baselines,
// so concurrent writers (other processes, other CI jobs after a fetch) keep each other's lines.
// The store keeps the bytes it is given; the caller packs them (`encoding`, e.g. gzip-compressed
// folded stacks) — store/ knows no profile format. Bytes are base64 inside the JSON line.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/store_spec.h"

namespace benchgate::store {

struct StoredProfile {
  std::string testbed;
  std::string suite;
  std::string benchmark;
  std::string encoding;    // how `data` is packed, e.g. "gzip" (folded stacks, gzip-compressed)
  std::string data;        // the packed bytes
  std::uint64_t size = 0;  // unpacked size in bytes, for messages
  std::string created_at;  // ISO 8601 UTC; save() sets it when empty
};

struct ProfileEntries {
  bool found = false;  // the commit has an entry at all
  std::vector<StoredProfile> profiles;
  std::vector<LineProblem> problems;  // unreadable lines, with commit and line number
};

class ProfileStore {
 public:
  // `lines` is where the entries live (a git notes ref or a directory, store_factory.h).
  explicit ProfileStore(std::unique_ptr<Store> lines);

  // Adds profiles to `commit`'s entry. Every profile must name testbed, suite and benchmark.
  // A profile stored again for the same key is added, not replaced: readers take the newest.
  void save(const std::string& commit, const std::vector<StoredProfile>& profiles);
  // Every readable profile of `commit`.
  ProfileEntries load_all(const std::string& commit) const;
  // The newest profile of (testbed, suite, benchmark) on `commit`, if any.
  std::optional<StoredProfile> load(const std::string& commit, const std::string& testbed,
                                    const std::string& suite, const std::string& benchmark) const;

  std::string describe() const { return lines_->describe(); }
  // Every commit with stored profiles, in no particular order.
  std::vector<std::string> annotated_commits() const { return lines_->annotated_commits(); }

 private:
  std::unique_ptr<Store> lines_;
};

// The store spelling (--store) of the profiles that belong with the baselines of `baseline_spec`:
//   git -> git:refs/notes/benchgate-profiles,  git:REF -> git:REF-profiles,
//   dir:PATH -> dir:PATH/profiles.
std::string profile_store_spec(const std::string& baseline_spec);
std::unique_ptr<ProfileStore> open_profile_store(const StoreSpec& baseline_spec,
                                                 const std::filesystem::path& repo);
std::unique_ptr<ProfileStore> open_profile_store(const std::string& baseline_spec,
                                                 const std::filesystem::path& repo);

// One profile as its stored line, and back (InputError naming `where` for a bad line).
std::string profile_to_line(const StoredProfile& profile);
StoredProfile profile_from_line(std::string_view line, const std::string& where);

}  // namespace benchgate::store
