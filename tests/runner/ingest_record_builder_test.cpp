// RecordBuilder against hand-built expectations: samples of interleaved benchmarks land in their
// own columns in order, a metric a sample lacks is NaN, and misuse is a logic error.
#include "runner/record_builder.h"

#include <cmath>
#include <stdexcept>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace benchgate::runner {
namespace {
using ::testing::ElementsAre;

TEST(RecordBuilder, InterleavedSamplesLandInTheirBenchmarksColumnsInOrder) {
  RecordBuilder builder;
  const std::size_t a = builder.benchmark_index("BM_A");
  bool created = false;
  const std::size_t b = builder.benchmark_index("BM_B", &created);
  EXPECT_TRUE(created);
  EXPECT_EQ(builder.benchmark_index("BM_A", &created), a);
  EXPECT_FALSE(created);
  builder.benchmark(b).threads = 4;
  builder.begin_sample(a, 0, 0, 10);
  builder.set_metric(a, "real_time", 1.0);
  builder.set_metric(a, "cpu_time", 0.5);
  builder.begin_sample(b, 1, 0, 20);
  builder.set_metric(b, "real_time", 7.0);
  builder.begin_sample(a, 2, 1, 30);
  builder.set_metric(a, "cpu_time", 0.25);  // other order, and no real_time
  builder.set_metric(a, "bytes", 64.0);     // a counter from the second sample on
  builder.add_error(b, 1, "skipped");

  RunRecord record;
  builder.finish_into(record);
  ASSERT_EQ(record.benchmarks.size(), 2u);
  const BenchmarkResult& ra = record.benchmarks[0];
  EXPECT_EQ(ra.name, "BM_A");
  EXPECT_THAT(ra.process, ElementsAre(0, 2));
  EXPECT_THAT(ra.repetition, ElementsAre(0, 1));
  EXPECT_THAT(ra.iterations, ElementsAre(10, 30));
  ASSERT_EQ(ra.metrics.size(), 3u);
  EXPECT_EQ(ra.metrics.at("real_time")[0], 1.0);
  EXPECT_TRUE(std::isnan(ra.metrics.at("real_time")[1]));
  EXPECT_THAT(ra.metrics.at("cpu_time"), ElementsAre(0.5, 0.25));
  EXPECT_TRUE(std::isnan(ra.metrics.at("bytes")[0]));
  EXPECT_EQ(ra.metrics.at("bytes")[1], 64.0);
  const BenchmarkResult& rb = record.benchmarks[1];
  EXPECT_EQ(rb.threads, 4);
  EXPECT_THAT(rb.process, ElementsAre(1));
  EXPECT_THAT(rb.metrics.at("real_time"), ElementsAre(7.0));
  EXPECT_FALSE(rb.metrics.count("cpu_time"));
  ASSERT_EQ(rb.errors.size(), 1u);
  EXPECT_EQ(rb.errors[0].message, "skipped");

  // The builder starts over.
  EXPECT_EQ(builder.benchmark_count(), 0u);
}

TEST(RecordBuilder, MisuseIsALogicError) {
  RecordBuilder builder;
  const std::size_t a = builder.benchmark_index("BM_A");
  const std::size_t b = builder.benchmark_index("BM_B");
  EXPECT_THROW(builder.set_metric(a, "real_time", 1.0), std::logic_error);  // no sample begun
  builder.begin_sample(a, 0, 0, 1);
  EXPECT_THROW(builder.set_metric(b, "real_time", 1.0), std::logic_error);  // not b's sample
  builder.set_metric(a, "real_time", 1.0);
  builder.set_metric(a, "real_time", 2.0);
  RunRecord record;
  EXPECT_THROW(builder.finish_into(record), std::logic_error);  // set twice
}

}  // namespace
}  // namespace benchgate::runner
