// `--benchmark REGEX` means what Google Benchmark's --benchmark_filter means: POSIX extended,
// searched anywhere in the name.
#include "core/benchmark_filter.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace benchgate {
namespace {

TEST(BenchmarkFilter, IsPosixExtendedSearchedAnywhereInTheName) {
  const std::regex filter = benchmark_filter("String(Join|Split)/[0-9]+");
  EXPECT_TRUE(std::regex_search("BM_StringJoin/64", filter));
  EXPECT_TRUE(std::regex_search("BM_StringSplit/8/real_time", filter));
  EXPECT_FALSE(std::regex_search("BM_StringCopy/64", filter));
}

TEST(BenchmarkFilter, ABadPatternIsAnInputErrorNamingIt) {
  try {
    benchmark_filter("BM_([");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("--benchmark \"BM_([\""), std::string::npos) << e.what();
  }
  // ECMAScript's lookahead is not POSIX: refused rather than read differently.
  EXPECT_THROW(benchmark_filter("BM_(?=x)"), InputError);
}

}  // namespace
}  // namespace benchgate
