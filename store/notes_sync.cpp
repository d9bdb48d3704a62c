#include "store/notes_sync.h"

#include "store/notes_policy.h"

namespace benchgate::store {

SyncReport fetch_notes(const SyncOptions& options) {
  return git::fetch_notes(options, StoreNotesPolicy{});
}

SyncReport push_notes(const SyncOptions& options) {
  return git::push_notes(options, StoreNotesPolicy{});
}

}  // namespace benchgate::store
