#pragma once
// Where baselines are kept, as the user names it (`--store`), parsed once:
//   git          git notes refs/notes/benchgate in the repository (the default)
//   git:REF      git notes under another ref (e.g. refs/notes/benchgate-profiles)
//   dir:PATH     a directory of <commit>.jsonl files
#include <filesystem>
#include <string>
#include <string_view>

namespace benchgate::store {

inline constexpr std::string_view kDefaultNotesRef = "refs/notes/benchgate";

struct StoreSpec {
  enum class Kind { kGitNotes, kDirectory };
  Kind kind = Kind::kGitNotes;
  std::string notes_ref = std::string(kDefaultNotesRef);  // kGitNotes
  std::filesystem::path directory;                        // kDirectory
  std::string text = "git";                               // as written, for messages

  bool is_git() const { return kind == Kind::kGitNotes; }
  // Where the profiles of this store's baselines live: their own notes ref (so that fetching
  // baselines stays small), or a profiles/ folder of the directory.
  StoreSpec profiles() const;
  // Where the calibrations of this testbed's gate live (`benchgate calibrate`): their own notes
  // ref (REF-calibration), or a calibration/ folder of the directory.
  StoreSpec calibrations() const;
};

// InputError "--store TEXT: ..." for anything but the three forms above.
StoreSpec parse_store_spec(std::string_view text);

}  // namespace benchgate::store
