#include <algorithm>
#include <cmath>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/clean_text.h"
#include "reporters/reporter.h"
#include "tests/reporters/comparison_fixtures.h"

namespace benchgate::report {
namespace {
using testing::every_verdict;
using ::testing::HasSubstr;
using testing::lines_of;
using testing::make_row;
using ::testing::Not;
using testing::single_run_comparison;

std::string render(const Comparison& c, bool color = false) {
  return make_reporter("console", ReportOptions{color})->render(c);
}

// Index of the first line containing `needle`, or -1.
long line_with(const std::vector<std::string>& lines, std::string_view needle) {
  auto it = std::find_if(lines.begin(), lines.end(),
                         [&](const std::string& l) { return l.find(needle) != std::string::npos; });
  return it == lines.end() ? -1 : static_cast<long>(it - lines.begin());
}

// The first line containing `needle` (a test failure if there is none).
const std::string& line_containing(const std::vector<std::string>& lines, std::string_view needle) {
  static const std::string kNone = "(no such line)";
  const long at = line_with(lines, needle);
  if (at < 0) ADD_FAILURE() << "no line contains " << needle;
  return at < 0 ? kNone : lines[at];
}

// Terminal column at which `needle` starts in `line`.
std::size_t column_of(const std::string& line, std::string_view needle) {
  return display_width(line.substr(0, line.find(needle)));
}

TEST(ConsoleReporter, RegressionsFirstThenImprovementsThenTheRest) {
  const auto lines = lines_of(render(every_verdict()));
  std::vector<long> positions;
  for (std::string needle :
       {"── Regressions and improvements (2) ──", "BM_Sort/1024", "BM_Hash/64",
        "── Warnings and inconclusive (3) ──", "BM_StringBuild", "BM_Gone", "BM_Once",
        "── Unchanged and new (3) ──", "BM_Unchanged/8", "BM_New", "BM_Unchanged/64"}) {
    positions.push_back(line_with(lines, needle));
    ASSERT_GE(positions.back(), 0) << needle;
  }
  EXPECT_TRUE(std::is_sorted(positions.begin(), positions.end()));
}

TEST(ConsoleReporter, RowShowsMediansChangeWithIntervalHolmPAndVerdict) {
  const auto lines = lines_of(render(every_verdict()));
  const auto& row = line_containing(lines, "BM_Sort/1024");
  EXPECT_THAT(row, HasSubstr("1.23 µs"));
  EXPECT_THAT(row, HasSubstr("1.48 µs"));
  EXPECT_THAT(row, HasSubstr("+20.0% [+15.0%, +26.0%]"));
  EXPECT_THAT(row, HasSubstr("0.002"));  // Holm-adjusted, not the raw 4.0e-04
  EXPECT_THAT(row, Not(HasSubstr("4.0e-04")));
  EXPECT_THAT(row, HasSubstr("regression"));
}

TEST(ConsoleReporter, ColumnsAreAligned) {
  const auto lines = lines_of(render(every_verdict()));
  const auto& header = line_containing(lines, "Benchmark");
  const std::size_t head_end = column_of(header, "Head") + 4;
  struct Expected {
    std::string name, head, verdict;
  };
  for (const auto& [name, head, verdict] : {Expected{"BM_Sort/1024", "1.48 µs", "regression"},
                                            {"BM_Hash/64", "800 ns", "improvement"},
                                            {"BM_StringBuild", "1.04 µs", "inconclusive"},
                                            {"BM_Unchanged/64", "998 ns", "unchanged"}}) {
    const auto& row = line_containing(lines, name);
    EXPECT_EQ(column_of(row, verdict), column_of(header, "Verdict")) << row;
    // Numbers are right-aligned: the head median ends where the header "Head" ends.
    EXPECT_EQ(column_of(row, head) + display_width(head), head_end) << row;
  }
}

TEST(ConsoleReporter, OneLineSummaryAtTheEnd) {
  const auto lines = lines_of(render(every_verdict()));
  EXPECT_EQ(lines.back(),
            "1 regression, 1 improvement, 2 unchanged, 1 inconclusive, 1 untested, 1 new, 1 missing"
            " — gate: FAIL");
}

TEST(ConsoleReporter, HeadingNamesWhatWasComparedAndTheSettings) {
  const auto lines = lines_of(render(every_verdict()));
  EXPECT_EQ(lines[0], "benchgate compare: base results/base → head results/head");
  EXPECT_THAT(lines[1], HasSubstr("metric real_time · α = 0.05 (Holm) · δ = 5%"));
}

TEST(ConsoleReporter, NoColourUnlessAsked) {
  EXPECT_THAT(render(every_verdict()), Not(HasSubstr("\x1b")));
  const std::string coloured = render(every_verdict(), true);
  EXPECT_THAT(coloured, HasSubstr("\x1b[1;31mregression\x1b[0m"));
  EXPECT_THAT(coloured, HasSubstr("\x1b[32mimprovement\x1b[0m"));
  EXPECT_THAT(coloured, HasSubstr("\x1b[1;31m1 regression"));
}

TEST(ConsoleReporter, ColourDoesNotBreakAlignment) {
  const auto plain = lines_of(render(every_verdict()));
  auto coloured = lines_of(render(every_verdict(), true));
  ASSERT_EQ(plain.size(), coloured.size());
  for (std::size_t i = 0; i < plain.size(); ++i) {
    std::string stripped;
    for (std::size_t k = 0; k < coloured[i].size(); ++k) {
      if (coloured[i][k] == '\x1b') {
        k = coloured[i].find('m', k);
        continue;
      }
      stripped += coloured[i][k];
    }
    EXPECT_EQ(stripped, plain[i]);
  }
}

TEST(ConsoleReporter, MarkersForNoisySingleRunAndWarnings) {
  Comparison c;
  auto noisy = make_row("BM_Noisy", Verdict::kInconclusive, 1.1);
  noisy.noisy = true, noisy.cv_base = 0.2, noisy.cv_head = 0.15;
  auto warned = make_row("BM_Warned", Verdict::kUnchanged, 1.03);
  warned.warning = true;
  auto single = make_row("BM_Single", Verdict::kRegression, 1.3);
  single.single_run = true;
  c.benchmarks = {noisy, warned, single};
  const auto lines = lines_of(render(c));
  EXPECT_THAT(line_containing(lines, "BM_Noisy"), HasSubstr("noisy (CV 20%/15%)"));
  EXPECT_THAT(line_containing(lines, "BM_Warned"), HasSubstr("BH warning"));
  EXPECT_THAT(line_containing(lines, "BM_Single"),
              HasSubstr("regression (unconfirmed)  single-run"));
  // A BH warning on an "unchanged" row still puts it with what needs a look.
  const long attention = line_with(lines, "── Warnings and inconclusive (2) ──");
  ASSERT_GE(attention, 0);
  EXPECT_LT(attention, line_with(lines, "BM_Warned"));
}

TEST(ConsoleReporter, InconclusiveRowsSayWhatWouldSettleThem) {
  const std::string out = render(every_verdict());
  EXPECT_THAT(out, HasSubstr("\n    the interval straddles the threshold\n"));
  EXPECT_THAT(
      out,
      HasSubstr(
          "\n    about 14 processes per side would catch a true change of 5.0% with 80% power\n"));
  EXPECT_THAT(out, HasSubstr("\n    error: head: benchmark crashed\n"));
}

TEST(ConsoleReporter, SingleRunNoteAndUnconfirmedRegressionPass) {
  const std::string out = render(single_run_comparison());
  EXPECT_THAT(out, HasSubstr("note: regressions unconfirmed: one process per side, between-run "
                             "drift not measured; rerun with more processes or use "
                             "`--trust-single-run`\n"));
  EXPECT_THAT(out, HasSubstr("warning: one process per side: between-run drift is not measured\n"));
  EXPECT_THAT(out, HasSubstr("regression (unconfirmed)"));
  EXPECT_THAT(out, ::testing::EndsWith("— gate: PASS\n"));
}

TEST(ConsoleReporter, UnboundedIntervalIsReadable) {
  Comparison c;
  auto row = make_row("BM_Few", Verdict::kInconclusive, 1.1);
  row.ci_low = 0, row.ci_high = INFINITY;
  c.benchmarks = {row};
  EXPECT_THAT(render(c), HasSubstr("+10.0% [-100%, +∞]"));
}

TEST(ConsoleReporter, NoRowsStillSummarises) {
  const auto lines = lines_of(render(Comparison{}));
  EXPECT_EQ(line_with(lines, "Benchmark"), -1);
  EXPECT_EQ(lines.back(), "no benchmarks compared — gate: NOTHING COMPARED");
}

TEST(ConsoleReporter, LongNamesGetTheirOwnLineAndKeepColumnsNarrow) {
  Comparison c = every_verdict();
  const std::string long_name =
      "BM_Template<std::vector<std::pair<int, std::string>>>/" + std::string(80, 'x');
  c.benchmarks.push_back(make_row(long_name, Verdict::kUnchanged, 1.001));
  const auto lines = lines_of(render(c));
  const long at = line_with(lines, long_name);
  ASSERT_GE(at, 0);
  EXPECT_EQ(lines[at], long_name);  // alone on its line, in full
  const auto& header = line_containing(lines, "Benchmark");
  EXPECT_EQ(column_of(lines[at + 1], "unchanged"), column_of(header, "Verdict"));
  EXPECT_LT(column_of(header, "Base"), 70u);
}

TEST(ConsoleReporter, NamesCannotInjectTerminalEscapesOrLines) {
  Comparison c;
  c.benchmarks = {
      make_row("BM_\x1b]0;pwned\x07\x1b[2Jx\nfake: gate PASS", Verdict::kRegression, 1.2)};
  const std::string out = render(c);
  EXPECT_THAT(out, Not(HasSubstr("\x1b")));
  EXPECT_THAT(out, HasSubstr("BM_]0;pwned[2Jx fake: gate PASS"));
}

}  // namespace
}  // namespace benchgate::report
