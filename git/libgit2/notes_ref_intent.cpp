#include "git/libgit2/notes_ref_intent.h"

#include <fstream>

namespace benchgate::git {
namespace {

std::filesystem::path record_file(const std::filesystem::path& common_dir) {
  return common_dir / "benchgate-notes.publishing";
}

}  // namespace

PublishIntent::PublishIntent(const std::filesystem::path& common_dir, const std::string& ref,
                             const std::string& next_hex)
    : file_(record_file(common_dir)) {
  // Not atomic on purpose: a record cut short by a kill no longer matches any lock, which only
  // makes the next writer more careful.
  std::ofstream(file_, std::ios::trunc) << ref << '\n' << next_hex << '\n';
}

PublishIntent::~PublishIntent() {
  std::error_code ignored;
  std::filesystem::remove(file_, ignored);
}

std::optional<std::string> PublishIntent::left_by_dead_writer(
    const std::filesystem::path& common_dir, const std::string& ref) {
  std::ifstream in(record_file(common_dir));
  std::string recorded_ref, next_hex;
  if (!std::getline(in, recorded_ref) || !std::getline(in, next_hex) || recorded_ref != ref ||
      next_hex.empty())
    return std::nullopt;
  return next_hex + '\n';  // a loose ref's content, as libgit2 writes it into the lock
}

}  // namespace benchgate::git
