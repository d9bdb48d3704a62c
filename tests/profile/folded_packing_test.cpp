// Stored profiles unpack to exactly their stored size, never more: a few kilobytes of gzip that
// inflate to 100 MB are refused after `size` bytes (checked in a child with 32 MiB to spare).
#include "profile/folded_packing.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"
#include "profile/gzip_codec.h"
#include "tests/support/memory_limit.h"

namespace benchgate::profile {
namespace {
using ::testing::HasSubstr;
using testing::LimitedRun;

std::string unpack_error(std::string_view encoding, const std::string& data,
                         std::optional<std::uint64_t> size) {
  try {
    unpack_folded(encoding, data, "profile of BM_X", size);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

// 100 members of 1 MiB of zeros: 100 MiB from ~100 KB of gzip.
std::string gzip_bomb() {
  const std::string member = gzip_compress(std::string(std::size_t{1} << 20, '\0'));
  std::string bomb;
  for (int i = 0; i < 100; ++i) bomb += member;
  return bomb;
}

TEST(FoldedPacking, RoundTripWithTheStoredSize) {
  const std::string folded = std::string(5000, 'a') + " 1\n";
  const PackedFolded packed = pack_folded(folded);
  EXPECT_EQ(unpack_folded(packed.encoding, packed.data, "p", folded.size()), folded);
}

TEST(FoldedPacking, DataThatDoesNotUnpackToItsStoredSizeIsRefused) {
  const std::string folded = std::string(5000, 'a') + " 1\n";
  const PackedFolded gzipped = pack_folded(folded);
  ASSERT_EQ(gzipped.encoding, kFoldedGzip);
  EXPECT_THAT(unpack_error(gzipped.encoding, gzipped.data, folded.size() + 1),
              HasSubstr("profile of BM_X: unpacks to 5003 bytes, but its stored size is 5004"));
  EXPECT_THAT(unpack_error(gzipped.encoding, gzipped.data, folded.size() - 1),
              HasSubstr("profile of BM_X: decompresses to more than 5002 bytes"));
  EXPECT_THAT(unpack_error(kFolded, "main 1\n", 6),
              HasSubstr("unpacks to 7 bytes, but its stored size is 6"));
}

TEST(FoldedPacking, AStoredSizeAboveTheLimitIsRefusedWithoutUnpacking) {
  EXPECT_THAT(unpack_error(kFoldedGzip, "not even gzip", kMaxStoredFoldedBytes + 1),
              HasSubstr("stored size 268435457 is more than the 256 MiB a profile may have"));
}

TEST(FoldedPacking, AGzipBombIsNeverInflatedBeyondTheStoredSize) {
  if (!testing::memory_limits_work()) GTEST_SKIP() << "RLIMIT_AS does not work under ASan";
  const std::string bomb = gzip_bomb();
  ASSERT_LT(bomb.size(), 200'000u);
  const LimitedRun run = testing::run_with_memory_headroom(
      [&] { return unpack_folded(kFoldedGzip, bomb, "profile of BM_X", 4711); },
      std::size_t{32} << 20);
  EXPECT_EQ(run.ended, LimitedRun::Ended::threw);
  EXPECT_THAT(run.text, HasSubstr("decompresses to more than 4711 bytes"));
}

}  // namespace
}  // namespace benchgate::profile
