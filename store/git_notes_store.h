#pragma once
// The default store: git notes inside the repository (docs/store.md). The note on commit C holds
// every run recorded for C as JSON Lines. The notes ref is a constructor parameter so that profiles
// can live under their own ref (kProfileNotesRef) and fetching baselines stays small.
#include <filesystem>
#include <string>

#include "git/repository.h"
#include "store/store.h"
#include "store/store_spec.h"

namespace benchgate::store {

inline constexpr const char* kProfileNotesRef = "refs/notes/benchgate-profiles";

class GitNotesStore final : public Store {
 public:
  // Opens the repository containing `repo_path`.
  explicit GitNotesStore(const std::filesystem::path& repo_path,
                         std::string ref = std::string(kDefaultNotesRef));

  std::string describe() const override;
  std::optional<std::string> read_text(const std::string& commit) const override;
  std::vector<std::string> annotated_commits() const override;

  const std::string& ref() const { return ref_; }
  const git::Repository& repository() const { return repo_; }

 protected:
  void merge_lines(const std::string& commit, const std::vector<std::string>& lines) override;
  void remove(const std::vector<std::string>& commits) override;
  std::optional<long long> commit_time(const std::string& commit) const override;
  void check_key(const std::string& commit) const override;

 private:
  git::Repository repo_;
  std::string ref_;
};

}  // namespace benchgate::store
