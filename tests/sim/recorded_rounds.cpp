#include "tests/sim/recorded_rounds.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "stats/descriptive.h"
#include "stats/paired_rounds.h"
#include "stats/position_effect.h"

namespace benchgate::sim {
namespace {

double robust_sd(std::vector<double> values) {
  if (values.size() < 2) return std::nan("");
  const double center = stats::median(values);
  for (double& v : values) v = std::fabs(v - center);
  return 1.4826 * stats::median_in_place(values);
}

}  // namespace

std::vector<stats::PairedSeries> load_recorded_job(const std::filesystem::path& csv) {
  std::ifstream in(csv);
  if (!in) throw std::runtime_error("cannot read " + csv.string());
  // benchmark -> round -> (base, head, head_second)
  std::map<std::string, std::map<int, stats::RoundPair>> rounds;
  std::string line;
  std::getline(in, line);  // header
  for (int number = 2; std::getline(in, line); ++number) {
    std::istringstream fields(line);
    std::string name, round, side, position, value;
    if (!std::getline(fields, name, ',') || !std::getline(fields, round, ',') ||
        !std::getline(fields, side, ',') || !std::getline(fields, position, ',') ||
        !std::getline(fields, value))
      throw std::runtime_error(csv.string() + ":" + std::to_string(number) + ": 5 fields expected");
    stats::RoundPair& r = rounds[name][std::stoi(round)];
    r.round = std::stoi(round);
    (side == "head" ? r.head : r.base) = std::stod(value);
    if (side == "head") r.head_second = position == "1";
  }
  std::vector<stats::PairedSeries> series;
  for (const auto& [name, by_round] : rounds) {
    stats::PairedSeries s{.name = name, .rounds = {}, .threshold = 0.05};
    for (const auto& [number, r] : by_round)
      if (r.base > 0 && r.head > 0) s.rounds.push_back(r);
    series.push_back(std::move(s));
  }
  return series;
}

std::vector<std::vector<stats::PairedSeries>> load_recorded_jobs(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (entry.path().extension() == ".csv") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<std::vector<stats::PairedSeries>> jobs;
  for (const auto& f : files) jobs.push_back(load_recorded_job(f));
  return jobs;
}

NoiseSummary summarize(const std::vector<std::vector<stats::PairedSeries>>& jobs) {
  std::vector<double> sds, side_sds, penalties;
  std::size_t tails = 0, ratios = 0;
  for (const auto& job : jobs) {
    std::vector<std::span<const stats::RoundPair>> all;
    for (const auto& s : job) {
      all.emplace_back(s.rounds);
      std::vector<double> adjusted;
      stats::adjusted_log_ratios(s.rounds, stats::position_effect(s.rounds).value_or(0.0),
                                 adjusted);
      const double sd = robust_sd(adjusted);
      sds.push_back(sd);
      const double center = stats::median(adjusted);
      for (double d : adjusted) tails += std::fabs(d - center) > 4 * sd;
      ratios += adjusted.size();
      std::vector<double> base;
      for (const auto& r : s.rounds) base.push_back(std::log(r.base));
      side_sds.push_back(robust_sd(base));
    }
    if (const auto p = stats::job_second_run_penalty(all))
      penalties.push_back(std::fabs(std::log(p->ratio)));
  }
  return {.robust_sd = stats::median(sds),
          .tail_share = ratios ? static_cast<double>(tails) / ratios : 0,
          .abs_penalty = penalties.empty() ? 0 : stats::median(penalties),
          .side_robust_sd = stats::median(side_sds)};
}

}  // namespace benchgate::sim
