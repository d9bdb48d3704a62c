#pragma once
// The statistical options shared by every subcommand that compares (compare, gate, ab):
// one definition of the flags, their defaults and their validation.
#include <string>

#include <CLI/CLI.hpp>

#include "stats/compare.h"

namespace benchgate::cli {

struct CompareFlags {
  std::string metric = "real_time";
  double alpha = 0.05;
  std::string threshold = "5%";
  std::string test = "mann-whitney";
  std::string fail_on = "regression";
  bool trust_single_run = false;
};

void add_compare_flags(CLI::App& command, CompareFlags& flags);
// Validates the flags (InputError naming the flag) and turns them into CompareOptions.
CompareOptions to_compare_options(const CompareFlags& flags);
// "5%" -> 0.05, "0.05" -> 0.05; InputError for anything else (e.g. "5", ambiguous).
double parse_threshold(const std::string& text, const std::string& flag);

}  // namespace benchgate::cli
