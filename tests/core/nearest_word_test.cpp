// The "did you mean" rule: hand-checked distances and the suggestions of real mistypings.
#include <gtest/gtest.h>

#include "core/nearest_word.h"

namespace benchgate {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("treshold", "threshold"), 1u);  // one insertion
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);      // two substitutions, one insertion
  EXPECT_EQ(edit_distance("flaw", "lawn"), 2u);           // a deletion and an insertion
  EXPECT_EQ(edit_distance("sav", "save"), 1u);
  EXPECT_EQ(edit_distance("lsit", "list"), 1u);  // one swap of neighbours
  EXPECT_EQ(edit_distance("ca", "abc"), 3u);     // no substring edited twice
  EXPECT_EQ(edit_distance("procs", "processes"), 4u);
}

TEST(NearestWord, SuggestsTyposAndAbbreviationsOnly) {
  const std::vector<std::string> gate{"--help", "--config", "--threshold", "--target", "--testbed"};
  EXPECT_EQ(nearest_word("--treshold", gate), "--threshold");
  EXPECT_EQ(nearest_word("-threshold", gate), "--threshold");
  EXPECT_EQ(nearest_word("--tagret", gate), "--target");
  EXPECT_EQ(nearest_word("--frobnicate", gate), std::nullopt);
  EXPECT_EQ(nearest_word("--config", gate), std::nullopt) << "the word itself is no suggestion";

  const std::vector<std::string> run{"--processes", "--profile", "--repetitions", "--runs"};
  EXPECT_EQ(nearest_word("--procs", run), "--processes") << "an abbreviation";
  EXPECT_EQ(nearest_word("--reps", run), "--repetitions");
  EXPECT_EQ(nearest_word("--run", run), "--runs");

  const std::vector<std::string> baseline{"save", "show", "list", "prune", "find"};
  EXPECT_EQ(nearest_word("sav", baseline), "save");
  EXPECT_EQ(nearest_word("lsit", baseline), "list");
  EXPECT_EQ(nearest_word("x", baseline), std::nullopt);
  EXPECT_EQ(nearest_word("frobnicate", {"compare", "run", "baseline", "gate"}), std::nullopt);
}

}  // namespace
}  // namespace benchgate
