#pragma once
// The results of a fork pull request's gate run, as the hand-off carries them (results.json):
// per suite, its verdict and the comparison JSON (docs/reports.md#json). `gate publish` renders
// the comment from these with our own reporters and escaping; the fork's Markdown is never
// posted. Everything in the file is the fork's word, so it is read strictly: a wrong type, an
// unknown verdict or a missing field is an InputError naming the file and the field.
#include <filesystem>
#include <string>
#include <vector>

#include "gate/gate_judge.h"

namespace benchgate::gate {

inline constexpr const char* kHandoffResultsFile = "results.json";
inline constexpr const char* kHandoffResultsSchema = "benchgate.handoff-results/1";

std::string handoff_results_text(const std::vector<SuiteVerdict>& verdicts);
std::vector<SuiteVerdict> read_handoff_results(const std::filesystem::path& file);

}  // namespace benchgate::gate
