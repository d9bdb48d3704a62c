// load_sides: both sides of a comparison, read at the same time.
#include <filesystem>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/run_record_json.h"
#include "tests/runner/ingest_fixtures.h"

namespace benchgate::runner {
namespace {
namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::ingest_fixture;

const std::string kRecord = "benchgate/two_processes.json";

std::string side_error(const fs::path& base, const fs::path& head) {
  try {
    load_sides(base, head);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(IngestSides, BothSidesAreReadAsLoadResultsReadsThem) {
  const fs::path base = ingest_fixture(kRecord), head = ingest_fixture("gbench/two_processes");
  Sides sides = load_sides(base, head);
  EXPECT_EQ(to_json(sides.base), to_json(load_results(base)));
  EXPECT_EQ(to_json(sides.head), to_json(load_results(head)));
}

TEST(IngestSides, BasesErrorComesFirstWhicheverSideFailsFaster) {
  testing::TempDir dir;
  // Head fails at once (no such file); base only after reading a large file to its last byte.
  std::string big = testing::read_file(ingest_fixture(kRecord));
  big.insert(big.rfind('}'),
             ", \"padding\": \"" + std::string(20'000'000, 'x') + "\", \"notes\": 7");
  testing::write_file(dir / "base.json", big);
  for (int run = 0; run < 3; ++run) {
    const std::string msg = side_error(dir / "base.json", dir / "missing-head.json");
    EXPECT_THAT(msg, HasSubstr((dir / "base.json").string() + ": field `notes`")) << msg;
  }
  EXPECT_THAT(side_error(ingest_fixture(kRecord), dir / "missing-head.json"),
              HasSubstr("missing-head.json: no such file"));
}

}  // namespace
}  // namespace benchgate::runner
