// What a save promises to have on disk when it returns (docs/store.md#durability-and-locks),
// observed with strace on the real binary: which files and directories it fsyncs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/store/git_fixture.h"
#include "tests/support/temp_dir.h"

namespace benchgate::testing {
namespace {
using ::testing::HasSubstr;

// The fsync calls of `benchgate args...` in `cwd`, one per line with the path of each descriptor
// (`fsync(5</path>)`); empty with the reason in `skip` when strace cannot trace here.
std::string traced_fsyncs(const TempDir& dir, const std::vector<std::string>& args,
                          const std::filesystem::path& cwd, std::string& skip) {
  const auto trace = dir / "fsync.trace";
  std::vector<std::string> argv = {"strace", "-f",           "-y",
                                   "-qq",    "-e",           "trace=fsync,fdatasync",
                                   "-o",     trace.string(), benchgate_binary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  const ProcessResult run = run_process(argv, in_dir(cwd));
  if (run.exit_code != 0 || !std::filesystem::exists(trace)) {
    skip = "strace cannot trace here: " + run.err;
    return {};
  }
  return read_file(trace);
}

TEST(Durability, AGitSaveFsyncsItsObjectsTheRefAndTheirDirectories) {
  TempDir dir;
  const auto repo = dir / "repo";
  init_repo(repo);
  const std::string c = commit(repo, "one");
  const auto file = write_record(dir / "r.json", make_record("ci", "a"));
  std::string skip;
  const std::string fsyncs =
      traced_fsyncs(dir, {"baseline", "save", "--commit", c, file.string()}, repo, skip);
  if (!skip.empty()) GTEST_SKIP() << skip;
  EXPECT_THAT(fsyncs, HasSubstr((repo / ".git" / "objects").string() + "/"));
  EXPECT_THAT(fsyncs, HasSubstr((repo / ".git" / "refs" / "notes" / "benchgate.lock").string()));
  EXPECT_THAT(fsyncs, HasSubstr("<" + (repo / ".git" / "refs" / "notes").string() + ">)"));
}

TEST(Durability, ADirectorySaveFsyncsTheFileAndItsDirectory) {
  TempDir dir;
  const auto store = dir / "store";
  const auto file = write_record(dir / "r.json", make_record("ci", "a"));
  std::string skip;
  const std::string fsyncs = traced_fsyncs(
      dir, {"baseline", "save", "--store", "dir:" + store.string(), "--commit", "k", file.string()},
      dir.path(), skip);
  if (!skip.empty()) GTEST_SKIP() << skip;
  EXPECT_THAT(fsyncs, HasSubstr((store / "k.jsonl.lock").string()));
  EXPECT_THAT(fsyncs, HasSubstr("<" + store.string() + ">)"));
}

}  // namespace
}  // namespace benchgate::testing
