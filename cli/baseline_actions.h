#pragma once
// The `benchgate baseline ...` subcommands: their options and actions. baseline_command.cpp
// declares the command line; each baseline_*.cpp implements one group of actions.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace benchgate::cli {

// Options every baseline subcommand takes.
struct BaselineCommon {
  std::string repo;             // --repo DIR; empty: discover from the current directory
  std::string store = "git";    // --store git | git:REF | dir:PATH
  std::string format = "text";  // --format text | json

  std::string repo_or_cwd() const { return repo.empty() ? "." : repo; }
  std::unique_ptr<store::Store> open() const;
  // The key under which records of revision `rev` are stored: the full commit id when a git
  // repository is at hand, else (directory store outside git) `rev` itself.
  std::string resolve_key(const std::string& rev) const;
  // The notes ref of a git store (--store git or git:REF); InputError for a directory store.
  std::string notes_ref() const;
};

struct SaveOptions {
  std::optional<std::string> commit;
  std::optional<std::string> testbed;
  std::vector<std::string> files;
};
struct ShowOptions {
  std::string commit = "HEAD";
  std::optional<std::string> testbed;
};
struct FindOptions {
  std::string base;
  std::string head = "HEAD";
  std::optional<std::string> testbed;  // unset: this machine's (cli/default_testbed.h)
  int max_distance = 50;
  int window = 1;
  std::string baselines_from = "target-branch";  // or "any"
};

int run_baseline_save(const BaselineCommon& common, const SaveOptions& options);
int run_baseline_show(const BaselineCommon& common, const ShowOptions& options);
int run_baseline_list(const BaselineCommon& common);
int run_baseline_prune(const BaselineCommon& common, std::size_t keep);
int run_baseline_find(const BaselineCommon& common, const FindOptions& options);
int run_baseline_push(const BaselineCommon& common, const std::string& remote);
int run_baseline_fetch(const BaselineCommon& common, const std::string& remote);

// Prints unreadable stored lines as warnings (stderr); the readable ones are still used.
void warn_about(const std::vector<store::LineProblem>& problems);

}  // namespace benchgate::cli
