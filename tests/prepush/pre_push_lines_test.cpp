// The lines git writes to a pre-push hook (githooks(5)), parsed without git: every form a push can
// take, and every malformed line named by its number.
#include "prepush/pre_push_lines.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/errors.h"

namespace benchgate::prepush {
namespace {

using ::testing::HasSubstr;

const std::string kA(40, 'a');
const std::string kB(40, 'b');
const std::string kZero(40, '0');

std::string line(const std::string& local_ref, const std::string& local_sha,
                 const std::string& remote_ref, const std::string& remote_sha) {
  return local_ref + " " + local_sha + " " + remote_ref + " " + remote_sha + "\n";
}

TEST(PrePushLines, ReadsEveryRefOfThePushInOrder) {
  const auto refs = parse_pre_push_lines(line("refs/heads/topic", kA, "refs/heads/topic", kB) +
                                         line("refs/tags/v1", kB, "refs/tags/v1", kZero));
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[0].local_ref, "refs/heads/topic");
  EXPECT_EQ(refs[0].local_sha, kA);
  EXPECT_EQ(refs[0].remote_sha, kB);
  EXPECT_EQ(refs[0].line, 1);
  EXPECT_TRUE(refs[0].pushes_branch());
  EXPECT_FALSE(refs[0].creates());
  EXPECT_FALSE(refs[0].deletes());
  EXPECT_EQ(refs[1].line, 2);
  EXPECT_FALSE(refs[1].pushes_branch());
  EXPECT_TRUE(refs[1].creates());
}

TEST(PrePushLines, TellsDeletionsNewBranchesAndNoOps) {
  const auto refs = parse_pre_push_lines(line("(delete)", kZero, "refs/heads/old", kA) +
                                         line("refs/heads/new", kA, "refs/heads/new", kZero) +
                                         line("refs/heads/same", kB, "refs/heads/same", kB));
  ASSERT_EQ(refs.size(), 3u);
  EXPECT_TRUE(refs[0].deletes());
  EXPECT_TRUE(refs[1].creates());
  EXPECT_FALSE(refs[1].deletes());
  EXPECT_TRUE(refs[2].changes_nothing());
  EXPECT_FALSE(refs[0].changes_nothing());
}

TEST(PrePushLines, EmptyInputAndBlankLinesAreNoRefs) {
  EXPECT_TRUE(parse_pre_push_lines("").empty());
  const auto refs =
      parse_pre_push_lines("\n" + line("refs/heads/a", kA, "refs/heads/a", kB) + "\n");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].line, 2);  // numbered as git wrote them, blank lines included
}

TEST(PrePushLines, CrLfLineEndsAreAccepted) {
  std::string text = line("refs/heads/a", kA, "refs/heads/a", kB);
  text.insert(text.size() - 1, "\r");
  const auto refs = parse_pre_push_lines(text);
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_EQ(refs[0].remote_sha, kB);
}

TEST(PrePushLines, MalformedLinesNameTheirNumberAndQuoteThem) {
  const std::string good = line("refs/heads/a", kA, "refs/heads/a", kB);
  try {
    parse_pre_push_lines(good + "refs/heads/a " + kA + " refs/heads/a\n");
    FAIL() << "three fields accepted";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("stdin line 2"));
    EXPECT_THAT(e.what(), HasSubstr("4 fields"));
  }
  try {
    parse_pre_push_lines(line("refs/heads/a", "xyz", "refs/heads/a", kB));
    FAIL() << "a short sha accepted";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("stdin line 1: local sha \"xyz\" is not 40 hex digits"));
  }
  EXPECT_THROW(parse_pre_push_lines(line("refs/heads/a", kA, "refs/heads/a", std::string(40, 'g'))),
               InputError);
  EXPECT_THROW(parse_pre_push_lines(" " + kA + " refs/heads/a " + kB + "\n"), InputError);
}

TEST(PrePushLines, ARunawayLineIsCutInTheMessage) {
  const std::string runaway(5000, 'x');
  try {
    parse_pre_push_lines(runaway + "\n");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_LT(std::string(e.what()).size(), 1000u);
    EXPECT_THAT(e.what(), HasSubstr("5000 characters"));
  }
}

TEST(PrePushLines, ZeroShaIsAllZerosAndNotEmpty) {
  EXPECT_TRUE(is_zero_sha(kZero));
  EXPECT_FALSE(is_zero_sha(""));
  EXPECT_FALSE(is_zero_sha(std::string(39, '0') + "1"));
}

}  // namespace
}  // namespace benchgate::prepush
