#pragma once
// The Boost.Math distributions used by stats/, evaluated in double precision.
//
// Boost's default policy promotes double arguments to long double internally; that buys digits
// far beyond what a p-value compared to 1e-9 needs and costs several times the time (x87 pow and
// exp dominate a 10,000-benchmark comparison with Welch's test otherwise).
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/policies/policy.hpp>

namespace benchgate::stats {

using DoublePolicy = boost::math::policies::policy<boost::math::policies::promote_float<false>,
                                                   boost::math::policies::promote_double<false>>;
using Normal = boost::math::normal_distribution<double, DoublePolicy>;
using StudentsT = boost::math::students_t_distribution<double, DoublePolicy>;

}  // namespace benchgate::stats
