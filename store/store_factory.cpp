#include "store/store_factory.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "store/directory_store.h"
#include "store/git_notes_store.h"

namespace benchgate::store {

std::unique_ptr<Store> open_store(const std::string& spec, const std::filesystem::path& repo) {
  if (spec == "git") return std::make_unique<GitNotesStore>(repo);
  if (spec.rfind("git:", 0) == 0) {
    std::string ref = spec.substr(4);
    if (ref.rfind("refs/notes/", 0) != 0)
      throw InputError(fmt::format("--store {}: the ref must start with refs/notes/", spec));
    return std::make_unique<GitNotesStore>(repo, ref);
  }
  if (spec.rfind("dir:", 0) == 0 && spec.size() > 4)
    return std::make_unique<DirectoryStore>(spec.substr(4));
  throw InputError(fmt::format("--store {}: expected git, git:REF or dir:PATH", spec));
}

}  // namespace benchgate::store
