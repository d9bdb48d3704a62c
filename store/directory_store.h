#pragma once
// Baselines in a plain directory, for runs outside git: one file `<commit>.jsonl` per key, same
// JSON Lines as the notes. Writers serialise on `.benchgate-store.flock` (read, merge, replace via
// `<file>.lock` + rename), so readers see the old or the new file and concurrent savers lose
// nothing.
#include <filesystem>

#include "store/store.h"

namespace benchgate::store {

class DirectoryStore final : public Store {
 public:
  explicit DirectoryStore(std::filesystem::path directory);

  std::string describe() const override;
  std::optional<std::string> read_text(const std::string& commit) const override;
  std::vector<std::string> annotated_commits() const override;

 protected:
  void merge_lines(const std::string& commit, const std::vector<std::string>& lines) override;
  void remove(const std::vector<std::string>& commits) override;
  std::optional<long long> commit_time(const std::string&) const override { return std::nullopt; }
  void check_key(const std::string& commit) const override;

 private:
  std::filesystem::path file_of(const std::string& commit) const;
  std::filesystem::path directory_;
};

}  // namespace benchgate::store
