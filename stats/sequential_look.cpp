#include "stats/sequential_look.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "stats/descriptive.h"
#include "stats/distributions.h"
#include "stats/sequential_boundaries.h"

namespace benchgate::stats {

PairedLook paired_log_look(std::span<const double> base, std::span<const double> head) {
  if (base.size() != head.size()) throw std::invalid_argument("paired samples differ in size");
  if (base.size() < 2) throw std::invalid_argument("a paired look needs at least 2 rounds");
  std::vector<double> differences(base.size());
  for (std::size_t i = 0; i < base.size(); ++i)
    differences[i] = std::log(head[i]) - std::log(base[i]);
  PairedLook look;
  look.rounds = differences.size();
  look.mean_log_ratio = mean(differences);
  const double sd = sample_sd(differences);
  look.standard_error = sd / std::sqrt(static_cast<double>(look.rounds));
  if (!(look.standard_error > 0)) {
    look.p_value = look.mean_log_ratio == 0 ? 1 : 0;
  } else {
    const double t = look.mean_log_ratio / look.standard_error;
    const StudentsT dist(static_cast<double>(look.rounds - 1));
    look.p_value = std::min(1.0, 2 * boost::math::cdf(boost::math::complement(dist, std::fabs(t))));
  }
  look.z = z_for_two_sided_p(look.p_value);
  return look;
}

double repeated_ci_half_width(const PairedLook& look, double boundary) {
  const double level = nominal_level(boundary);
  if (!(level > 0)) return std::numeric_limits<double>::infinity();
  const StudentsT dist(static_cast<double>(look.rounds - 1));
  return boost::math::quantile(boost::math::complement(dist, level / 2)) * look.standard_error;
}

}  // namespace benchgate::stats
