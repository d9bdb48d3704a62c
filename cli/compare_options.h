#pragma once
// The statistical options shared by every subcommand that compares (compare, gate, ab):
// one definition of the flags, their defaults, their validation, and how they combine with the
// [gate] table of benchgate.toml (a flag given on the command line wins over the file).
#include <string>

#include <CLI/CLI.hpp>

#include "runner/config.h"
#include "stats/compare.h"

namespace benchgate::cli {

struct CompareFlags {
  // Shown as the defaults in --help; the values used when a flag is not given come from the
  // config's [gate] table, whose own defaults are core/comparison.h's.
  std::string metric = std::string(kDefaultMetric);
  double alpha = kDefaultAlpha;
  std::string threshold = "5%";  // kDefaultThreshold
  std::string test = "mann-whitney";
  std::string fail_on = "regression";
  bool trust_single_run = false;
  bool trust_single_job = false;
  std::string direction = "auto";  // auto | lower | higher (is better)

  // Set by add_compare_flags: tells which flags were given explicitly (they override the config).
  CLI::Option* metric_option = nullptr;
  CLI::Option* alpha_option = nullptr;
  CLI::Option* threshold_option = nullptr;
  CLI::Option* fail_on_option = nullptr;
};

void add_compare_flags(CLI::App& command, CompareFlags& flags);
// Validates the flags (InputError naming the flag) and turns them into stats::CompareOptions. With
// a config, its [gate] table supplies metric, alpha, threshold, per-benchmark thresholds, ignore
// globs and fail_on, except where a flag was given.
stats::CompareOptions to_compare_options(const CompareFlags& flags,
                                         const runner::GateConfig* config = nullptr);
// "5%" -> 0.05, "0.05" -> 0.05; InputError for anything else (e.g. "5", ambiguous).
double parse_threshold(const std::string& text, const std::string& flag);

}  // namespace benchgate::cli
