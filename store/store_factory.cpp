#include "store/store_factory.h"

#include <fmt/format.h>

#include "core/errors.h"
#include "store/directory_store.h"
#include "store/git_notes_store.h"

namespace benchgate::store {

std::unique_ptr<Store> open_store(const StoreSpec& spec, const std::filesystem::path& repo) {
  if (spec.is_git()) return std::make_unique<GitNotesStore>(repo, spec.notes_ref);
  return std::make_unique<DirectoryStore>(spec.directory);
}

std::unique_ptr<Store> open_store(const std::string& spec, const std::filesystem::path& repo) {
  return open_store(parse_store_spec(spec), repo);
}

}  // namespace benchgate::store
