// Mistyped command lines, run through the real binary: the message names the (sub)command, the
// word that is wrong and the nearest right one, points at the right --help, and exits 2.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/process.h"

namespace benchgate {
namespace {
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_benchgate;

// Runs benchgate with `args` and checks that it refused them as a usage error.
testing::ProcessResult refused(const std::vector<std::string>& args) {
  testing::ProcessResult r = run_benchgate(args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out, "");
  return r;
}

TEST(UsageErrors, AMisspeltOptionIsNamedWithTheNearestOne) {
  // CLI11 alone said "The following arguments were not expected: 5% --treshold".
  auto r = refused({"gate", "--treshold", "5%"});
  EXPECT_EQ(r.err,
            "benchgate: error: gate: unknown option --treshold (did you mean --threshold?)\n"
            "Run 'benchgate gate --help' for its options.\n");
  EXPECT_THAT(refused({"gate", "--treshold=5%"}).err,
              HasSubstr("gate: unknown option --treshold (did you mean --threshold?)"));
  EXPECT_THAT(refused({"compare", "a.json", "b.json", "--formt", "json"}).err,
              HasSubstr("compare: unknown option --formt (did you mean --format?)"));
  EXPECT_THAT(refused({"baseline", "save", "--comit", "HEAD", "x.json"}).err,
              HasSubstr("baseline save: unknown option --comit (did you mean --commit?)\n"
                        "Run 'benchgate baseline save --help' for its options."));
}

TEST(UsageErrors, TheUnknownOptionIsBlamedNotTheWordsAfterIt) {
  // CLI11 alone blamed "./bench" (the command after --) here.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"run", "--procs", "3"},
        std::vector<std::string>{"run", "--procs", "3", "-o", "x.json", "--", "./bench"}}) {
    auto r = refused(args);
    EXPECT_THAT(r.err, HasSubstr("benchgate: error: run: unknown option --procs (did you mean "
                                 "--processes?)"));
    EXPECT_THAT(r.err, Not(HasSubstr("./bench")));
  }
  // Values of known options are skipped, bundled short flags are read one by one, and what
  // follows -- is the benchmark's own.
  EXPECT_THAT(refused({"run", "-q", "-p", "3", "-qx", "--", "./bench", "--bogus"}).err,
              HasSubstr("run: unknown option -x\n"));
  EXPECT_THAT(refused({"gate", "-threshold"}).err,
              HasSubstr("gate: unknown option -threshold (did you mean --threshold?)"));
}

TEST(UsageErrors, UnknownCommandsAndSubcommands) {
  // CLI11 alone said "A subcommand is required" for both.
  EXPECT_EQ(refused({"frobnicate"}).err,
            "benchgate: error: unknown command frobnicate\n"
            "Run 'benchgate --help' for its commands.\n");
  EXPECT_EQ(refused({"baseline", "sav"}).err,
            "benchgate: error: baseline: unknown subcommand sav (did you mean save?)\n"
            "Run 'benchgate baseline --help' for its subcommands.\n");
  EXPECT_THAT(refused({"comapre", "a", "b"}).err,
              HasSubstr("unknown command comapre (did you mean compare?)"));
  EXPECT_THAT(refused({"hook", "instal"}).err,
              HasSubstr("hook: unknown subcommand instal (did you mean install?)"));
}

TEST(UsageErrors, AMissingSubcommandListsTheChoices) {
  EXPECT_THAT(refused({}).err,
              HasSubstr("benchgate: error: no command given: one of compare, run, baseline, gate"));
  EXPECT_THAT(refused({"baseline"}).err,
              HasSubstr("benchgate: error: baseline: no subcommand given: one of save, show"));
}

TEST(UsageErrors, OtherParseErrorsKeepCliElevensWordsForTheRightSubcommand) {
  EXPECT_EQ(refused({"gate", "--threshold"}).err,
            "benchgate: error: gate: --threshold: 1 required TEXT missing\n"
            "Run 'benchgate gate --help' for its options.\n");
  EXPECT_THAT(refused({"gate", "--context", "nowhere"}).err,
              HasSubstr("benchgate: error: gate: --context: nowhere not in"));
}

// The flame graph colour is one of two words, checked when parsed, in both commands that take it.
TEST(UsageErrors, ColourByTakesSelfOrTotal) {
  EXPECT_THAT(refused({"gate", "--profile-colour-by", "inclusive"}).err,
              HasSubstr("benchgate: error: gate: --profile-colour-by: inclusive not in"));
  EXPECT_THAT(refused({"flamegraph", "diff", "a", "b", "--colour-by", "Total!"}).err,
              HasSubstr("--colour-by: Total! not in"));
}

}  // namespace
}  // namespace benchgate
