#pragma once
// Where a stored record came from: which kind of run recorded it, on which branch, and whose
// configuration and build produced it. Lookups use it to keep records that were not made on the
// target branch out of a baseline (docs/store.md#which-records-can-be-a-baseline): a feature
// branch's own run, or a base side built by a pull request's `[build] command`, must never become
// the yardstick for the next change.
#include <optional>
#include <string>

#include "core/run_record.h"

namespace benchgate {

struct Provenance {
  // How the record was made, for people: "GitHub push", "GitLab merge request", "local",
  // "baseline save", ...
  std::string context;
  std::string branch;           // the branch that was run ("" when detached or unknown)
  bool default_branch = false;  // made by a run of the repository's default branch
  bool explicit_save = false;   // put there by hand (`benchgate baseline save`)
  // The commit whose benchgate.toml and build produced the record. It differs from the record's
  // own commit for the base side of an interleaved job, which head's configuration built.
  std::string built_by;

  // "GitHub push of main", "local run on topic (built by abc123456789)".
  std::string describe(const std::string& record_commit) const;
};

// The record's provenance; nothing for records written before provenance existed (or by hand).
// A malformed block is an InputError naming the field.
std::optional<Provenance> provenance_of(const RunRecord& record);
void set_provenance(RunRecord& record, const Provenance& provenance);

}  // namespace benchgate
