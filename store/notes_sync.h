#pragma once
// Sharing baselines with a remote: `benchgate baseline fetch` and `push`. The git side lives in
// git/notes_sync.h; the store adds how its writers take turns and how its records merge
// (store/notes_policy.h).
#include "git/notes_sync.h"

namespace benchgate::store {

using git::SyncOptions;
using git::SyncReport;
using git::tracking_ref;

SyncReport fetch_notes(const SyncOptions& options);
SyncReport push_notes(const SyncOptions& options);

}  // namespace benchgate::store
