// `benchgate flamegraph fold | render | diff | record` as real processes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <tuple>

#include <nlohmann/json.hpp>

#include "profile/profile_loader.h"
#include "tests/profile/profile_test_util.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::profile {
namespace {
using benchgate::testing::profile_data;
using benchgate::testing::read_file;
using benchgate::testing::run_benchgate;
using benchgate::testing::run_process;
using benchgate::testing::stacks_of;
using benchgate::testing::TempDir;
using benchgate::testing::write_file;
using ::testing::HasSubstr;
using Stacks = std::map<std::string, std::uint64_t>;

TEST(FlamegraphCli, FoldRenderDiff) {
  TempDir dir;
  const auto folded = (dir / "edge.folded").string();
  auto result = run_benchgate(
      {"flamegraph", "fold", profile_data("perf_script_edge_cases.txt").string(), "-o", folded});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.err, HasSubstr("skipped 3 malformed lines"));
  EXPECT_THAT(read_file(folded), HasSubstr("# event: cpu-clock\n"));
  EXPECT_THAT(read_file(folded), HasSubstr("main;[unknown];[libc.so.6] 1\n"));

  result = run_benchgate({"flamegraph", "render", folded, "-o", (dir / "edge.svg").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(read_file(dir / "edge.svg"), HasSubstr("<g id=\"frames\">"));

  write_file(dir / "base.folded", "# event: cpu-clock\nmain;parse 600\nmain;emit 400\n");
  write_file(dir / "head.folded", "# event: cpu-clock\nmain;parse 900\nmain;emit 100\n");
  result = run_benchgate({"flamegraph", "diff", (dir / "base.folded").string(),
                          (dir / "head.folded").string(), "--format", "json", "--ratio", "1.5"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  // Ranked by the change of time with --ratio: parse +75% of base time, emit -25%.
  EXPECT_EQ(json["top_functions"][0]["name"], "parse");
  EXPECT_NEAR(json["top_functions"][0]["time_delta_of_base"].get<double>(), 0.9 * 1.5 - 0.6, 1e-12);

  result =
      run_benchgate({"flamegraph", "diff", (dir / "base.folded").string(),
                     (dir / "head.folded").string(), "-o", (dir / "d.svg").string(), "--top", "1"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("| emit | 40.00% | 10.00% | -30.00 |"));
  EXPECT_THAT(read_file(dir / "d.svg"), HasSubstr("var DIFF = true;"));
}

// The top-N table and the colours agree: the table's first row is the function whose frame has
// the largest positive colour value, and that frame is drawn in the scale's red end — by default
// (self) and with --colour-by total. The colour value of each frame is recomputed here from the
// counts the SVG carries for its hover (base 2000 samples, head 2500).
const char* kReddest = R"py(
import sys, json, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
offset = 2 if sys.argv[2] == "total" else 0
data = json.loads([s for s in doc.getElementsByTagName("script")
                   if s.getAttribute("id") == "frame-data"][0].firstChild.data)
frames = [g for g in doc.getElementsByTagName("g") if g.getAttribute("id") == "frames"][0]
gs = [n for n in frames.childNodes if n.nodeType == n.ELEMENT_NODE]
best = None
for i, g in enumerate(gs):
    slot = data["frames"][5 * i]
    f = data["functions"][4 * slot + offset : 4 * slot + offset + 2]
    value = f[1] / 2500 - f[0] / 2000
    if i > 0 and (best is None or value > best[0]):
        best = (value, data["names"][slot], g.getElementsByTagName("rect")[0].getAttribute("fill"))
print(best[2])
print(best[1])
)py";

TEST(FlamegraphCli, TableRanksByWhatTheColourShows) {
  TempDir dir;
  write_file(dir / "reddest.py", kReddest);
  const auto base = profile_data("string_join_base.folded").string();
  const auto head = profile_data("string_join_head.folded").string();
  for (const std::string colour_by : {"self", "total"}) {
    const auto svg = (dir / (colour_by + ".svg")).string();
    auto result = run_benchgate(
        {"flamegraph", "diff", base, head, "-o", svg, "--colour-by", colour_by, "--top", "3"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const std::string table = result.out;
    result = run_benchgate(
        {"flamegraph", "diff", base, head, "--format", "json", "--colour-by", colour_by});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    const auto json = nlohmann::json::parse(result.out);
    EXPECT_EQ(json["ranked_by"], colour_by);
    const auto reddest =
        run_process({"/usr/bin/python3", (dir / "reddest.py").string(), svg, colour_by});
    ASSERT_EQ(reddest.exit_code, 0) << reddest.err;
    EXPECT_EQ(reddest.out.substr(0, 8), "#b40426\n") << colour_by;
    const std::string name = reddest.out.substr(8, reddest.out.size() - 9);
    EXPECT_EQ(json["top_functions"][0]["name"], name) << colour_by;
    // The markdown table printed with the SVG: same first row, columns named after the share.
    EXPECT_THAT(table, HasSubstr("| Function | Base " + colour_by + " | Head " + colour_by));
    const auto rows = table.substr(table.find("|---"));
    const auto first_row = rows.substr(rows.find('\n') + 1);
    EXPECT_THAT(first_row.substr(0, first_row.find('\n')), HasSubstr("\\_M\\_mutate"));
  }
  // The _M_mutate of the hand-computed shares: self 5% -> 15%, total 11% -> 23%.
  const auto json = nlohmann::json::parse(
      run_benchgate({"flamegraph", "diff", base, head, "--format", "json", "--colour-by", "total"})
          .out);
  EXPECT_NEAR(json["top_functions"][0]["base_share"].get<double>(), 0.11, 1e-12);
  EXPECT_NEAR(json["top_functions"][0]["head_share"].get<double>(), 0.23, 1e-12);
  const auto bad = run_benchgate({"flamegraph", "diff", base, head, "--colour-by", "inclusive"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--colour-by"));
}

// The fill of the first drawn frame of each function, by name.
const char* kFills = R"py(
import sys, json, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
data = json.loads([s for s in doc.getElementsByTagName("script")
                   if s.getAttribute("id") == "frame-data"][0].firstChild.data)
frames = [g for g in doc.getElementsByTagName("g") if g.getAttribute("id") == "frames"][0]
gs = [n for n in frames.childNodes if n.nodeType == n.ELEMENT_NODE]
fills = {}
for i, g in enumerate(gs):
    fills.setdefault(data["names"][data["frames"][5 * i]],
                     g.getElementsByTagName("rect")[0].getAttribute("fill"))
print(json.dumps(fills))
)py";

// A head that is slower as a whole: `work` kept its time (1000 samples of the same work on both
// sides), `grow1` and `grow2` doubled. By share, `work` shrank most (83.3% -> 71.4%, the blue
// end and the table's first row); with the measured time ratio (head 1400 / base 1200 samples of
// the same work) it is unchanged, drawn neutral grey, and `grow1` (+8.3% of base time, tied with
// grow2 and first by name) is the red end and the first row.
TEST(FlamegraphCli, WithTheTimeRatioAFunctionThatKeptItsTimeIsNeutral) {
  TempDir dir;
  write_file(dir / "fills.py", kFills);
  write_file(dir / "base.folded", "main;work 1000\nmain;work;grow1 100\nmain;work;grow2 100\n");
  write_file(dir / "head.folded", "main;work 1000\nmain;work;grow1 200\nmain;work;grow2 200\n");
  const auto base = (dir / "base.folded").string(), head = (dir / "head.folded").string();
  const std::string ratio = std::to_string(1400.0 / 1200.0);
  const auto fills_of = [&](std::vector<std::string> extra) {
    std::vector<std::string> args{
        "flamegraph", "diff", base, head, "-o", (dir / "d.svg").string(), "--min-samples", "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = run_benchgate(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    const auto fills =
        run_process({"/usr/bin/python3", (dir / "fills.py").string(), (dir / "d.svg").string()});
    EXPECT_EQ(fills.exit_code, 0) << fills.err;
    return std::pair{nlohmann::json::parse(fills.out), result.out};
  };
  const auto [by_share, share_table] = fills_of({});
  EXPECT_EQ(by_share["work"], "#3b4cc0");  // the blue end: -14.0 pp, the largest change of share
  const auto [by_time, time_table] = fills_of({"--ratio", ratio});
  EXPECT_EQ(by_time["work"], "#dddddd");  // no change of time
  EXPECT_EQ(by_time["grow1"], "#b40426");
  EXPECT_THAT(read_file(dir / "d.svg"), HasSubstr("self time, % of base time"));
  const auto first_row = [](const std::string& table) {
    const auto rows = table.substr(table.find("|---"));
    const auto row = rows.substr(rows.find('\n') + 1);
    return row.substr(0, row.find('\n'));
  };
  EXPECT_THAT(first_row(share_table), HasSubstr("| work |"));
  EXPECT_THAT(first_row(time_table), HasSubstr("| grow1 |"));
}

TEST(FlamegraphCli, DifferentEventsAreRefused) {
  TempDir dir;
  write_file(dir / "a.folded", "# event: cpu-clock\nmain 1\n");
  write_file(dir / "b.folded", "# event: cycles\nmain 1\n");
  const auto result = run_benchgate({"flamegraph", "diff", (dir / "a.folded").string(),
                                     (dir / "b.folded").string(), "--format", "markdown"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("different events"));
}

TEST(FlamegraphCli, PprofOutOfRenderAndDiff) {
  TempDir dir;
  write_file(dir / "base.folded", "main;parse 600\nmain;emit 400\n");
  write_file(dir / "head.folded", "# event: cpu-clock\nmain;parse 900\nmain;emit 100\n");
  auto result = run_benchgate({"flamegraph", "render", (dir / "head.folded").string(), "--format",
                               "pprof", "-o", (dir / "head.pb.gz").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto rendered = load_profile(dir / "head.pb.gz");
  EXPECT_EQ(stacks_of(rendered.trie, kBase), (Stacks{{"main;parse", 900}, {"main;emit", 100}}));

  // -o PREFIX and -o DIR/: both sides, each with the event the diff agreed on.
  for (const auto& [output, base_file, head_file] :
       {std::tuple{dir / "pair", dir / "pair.base.pb.gz", dir / "pair.head.pb.gz"},
        std::tuple{dir / "sides/", dir / "sides/base.pb.gz", dir / "sides/head.pb.gz"}}) {
    result =
        run_benchgate({"flamegraph", "diff", (dir / "base.folded").string(),
                       (dir / "head.folded").string(), "--format", "pprof", "-o", output.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.out,
                HasSubstr("-diff_base=" + base_file.string() + " " + head_file.string()));
    const auto base = load_profile(base_file);
    const auto head = load_profile(head_file);
    EXPECT_EQ(stacks_of(base.trie, kBase), (Stacks{{"main;parse", 600}, {"main;emit", 400}}));
    EXPECT_EQ(stacks_of(head.trie, kBase), (Stacks{{"main;parse", 900}, {"main;emit", 100}}));
    EXPECT_EQ(base.info.event, "cpu-clock");
    EXPECT_EQ(head.info.event, "cpu-clock");
  }

  result = run_benchgate({"flamegraph", "diff", (dir / "base.folded").string(),
                          (dir / "head.folded").string(), "--format", "pprof"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("give -o DIR/ or -o PREFIX"));
}

TEST(FlamegraphCli, PprofInputsDiffAndRefuseOtherEvents) {
  TempDir dir;
  write_file(dir / "a.folded", "# event: cpu-clock\nmain;parse 600\nmain;emit 400\n");
  write_file(dir / "b.folded", "# event: cpu-clock\nmain;parse 900\nmain;emit 100\n");
  write_file(dir / "c.folded", "# event: cycles\nmain;parse 900\nmain;emit 100\n");
  for (const auto* name : {"a", "b", "c"}) {
    const auto result =
        run_benchgate({"flamegraph", "render", (dir / (std::string(name) + ".folded")).string(),
                       "--format", "pprof", "-o", (dir / (std::string(name) + ".pb.gz")).string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
  }
  auto result = run_benchgate({"flamegraph", "diff", (dir / "a.pb.gz").string(),
                               (dir / "b.pb.gz").string(), "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(nlohmann::json::parse(result.out)["top_functions"][0]["name"], "emit");

  result = run_benchgate({"flamegraph", "diff", (dir / "a.pb.gz").string(),
                          (dir / "c.pb.gz").string(), "--format", "markdown"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("different events"));

  result = run_benchgate({"flamegraph", "render", (dir / "a.pb.gz").string(), "--sample-type",
                          "wall", "-o", (dir / "a.svg").string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("no sample type 'wall' (the file has: cpu-clock)"));
}

TEST(FlamegraphCli, MissingInputIsAnInputError) {
  const auto result = run_benchgate({"flamegraph", "render", "/nonexistent.folded"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("/nonexistent.folded"));
}

TEST(FlamegraphCli, RecordWithoutPerfSaysWhyAndHowToFix) {
  const auto result = run_benchgate(
      {"flamegraph", "record", "--perf", "/nonexistent/perf", "-o", "/dev/null", "--", "true"});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_THAT(result.err, HasSubstr("fix: install perf"));
}

}  // namespace
}  // namespace benchgate::profile
