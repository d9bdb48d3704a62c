#include "store/directory_store.h"

#include <fmt/format.h>

#include "core/atomic_file.h"
#include "core/errors.h"
#include "core/json_input.h"
#include "store/failpoint.h"
#include "store/process_lock.h"

namespace benchgate::store {
namespace {

constexpr const char* kExtension = ".jsonl";
constexpr const char* kGuardName = ".benchgate-store.flock";

}  // namespace

DirectoryStore::DirectoryStore(std::filesystem::path directory) : directory_(std::move(directory)) {
  std::error_code error;
  std::filesystem::create_directories(directory_, error);
  if (error || !std::filesystem::is_directory(directory_))
    throw EnvironmentError(fmt::format("{}: cannot use as a baseline directory: {}",
                                       directory_.string(),
                                       error ? error.message() : "not a directory"));
}

std::string DirectoryStore::describe() const {
  return "directory " + directory_.string();
}

void DirectoryStore::check_key(const std::string& commit) const {
  // The key becomes a file name: no separators, no leading dot (hidden files are ours).
  bool ok = !commit.empty() && commit.size() <= 200 && commit[0] != '.';
  for (char c : commit)
    ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                c == '.' || c == '_' || c == '-');
  if (!ok)
    throw InputError(
        fmt::format("\"{}\" cannot be a baseline key (letters, digits, '.', '_', '-')", commit));
}

std::filesystem::path DirectoryStore::file_of(const std::string& commit) const {
  check_key(commit);
  return directory_ / (commit + kExtension);
}

std::optional<std::string> DirectoryStore::read_text(const std::string& commit) const {
  std::filesystem::path file = file_of(commit);
  if (!std::filesystem::exists(file)) return std::nullopt;
  return read_text_file(file);
}

std::vector<std::string> DirectoryStore::annotated_commits() const {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(directory_)) {
    const auto& path = entry.path();
    if (entry.is_regular_file() && path.extension() == kExtension &&
        path.filename().string()[0] != '.')
      out.push_back(path.stem().string());
  }
  return out;
}

void DirectoryStore::merge_lines(const std::string& commit, const std::vector<std::string>& lines) {
  std::filesystem::path file = file_of(commit);
  ProcessLock guard(directory_ / kGuardName);
  // We hold the guard, so a leftover `<file>.lock` was left by a writer that died mid-write.
  remove_stale_lock_file(std::filesystem::path(file) += ".lock", 0.0);
  std::vector<std::string> current;
  if (std::filesystem::exists(file)) current = split_lines(read_text_file(file));
  std::vector<std::string> merged = union_lines(current, lines);
  if (merged.size() == current.size()) return;  // every line was already there
  failpoint("directory-before-write");
  write_file_atomically(file, join_lines(merged));
}

void DirectoryStore::remove(const std::vector<std::string>& commits) {
  ProcessLock guard(directory_ / kGuardName);
  for (const auto& commit : commits) {
    std::error_code error;
    std::filesystem::remove(file_of(commit), error);
    if (error)
      throw EnvironmentError(
          fmt::format("{}: cannot remove: {}", file_of(commit).string(), error.message()));
  }
}

}  // namespace benchgate::store
