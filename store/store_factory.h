#pragma once
// Chooses a store from its command-line spelling (`--store`):
//   git          git notes refs/notes/benchgate in the repository (the default)
//   git:REF      git notes under another ref (e.g. refs/notes/benchgate-profiles)
//   dir:PATH     a directory of <commit>.jsonl files
#include <filesystem>
#include <memory>
#include <string>

#include "store/store.h"
#include "store/store_spec.h"

namespace benchgate::store {

std::unique_ptr<Store> open_store(const StoreSpec& spec, const std::filesystem::path& repo);
// The same from the spelling of --store (InputError for a bad one).
std::unique_ptr<Store> open_store(const std::string& spec, const std::filesystem::path& repo);

}  // namespace benchgate::store
