// The hook script benchgate writes, run for real by /bin/sh, and the marker that tells our hook
// from anyone else's.
#include "prepush/hook_script.h"

#include <sys/stat.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::prepush {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

TEST(HookScript, RecognisesOnlyAWholeMarkerLine) {
  const std::string marker(kHookMarker);
  EXPECT_TRUE(is_benchgate_hook("#!/bin/sh\n" + marker + "\nexec true\n"));
  EXPECT_TRUE(is_benchgate_hook(marker));
  EXPECT_TRUE(is_benchgate_hook("#!/bin/sh\r\n" + marker + "\r\n"));
  EXPECT_FALSE(is_benchgate_hook("#!/bin/sh\necho '" + marker + "'\n"));
  EXPECT_FALSE(is_benchgate_hook("#!/bin/sh\n" + marker + " and more\n"));
  EXPECT_FALSE(is_benchgate_hook("#!/bin/sh\nexec husky\n"));
}

TEST(HookScript, RunsTheInstalledBinaryWithItsArgumentsAndGitsOwn) {
  TempDir dir;
  // A stand-in for benchgate that prints what it was given; its path has a space and a quote.
  const auto fake = dir / "bench gate's";
  testing::write_file(fake, "#!/bin/sh\nprintf '%s|' \"$@\"\n");
  chmod(fake.c_str(), 0755);
  const std::string script = pre_push_hook_script(fake, {"--budget", "60s"});
  EXPECT_TRUE(is_benchgate_hook(script));
  const auto hook = dir / "pre-push";
  testing::write_file(hook, script);
  chmod(hook.c_str(), 0755);
  const auto r = testing::run_process({hook.string(), "origin", "git@example.invalid:x.git"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "pre-push|--budget|60s|origin|git@example.invalid:x.git|");
}

TEST(HookScript, AMissingBinaryLetsThePushThroughWithAWarning) {
  TempDir dir;
  const auto hook = dir / "pre-push";
  testing::write_file(hook, pre_push_hook_script(dir / "gone", {}));
  chmod(hook.c_str(), 0755);
  testing::ProcessOptions options;
  options.env["PATH"] = "/usr/bin:/bin";  // no benchgate there either
  const auto r = testing::run_process({hook.string(), "origin", "url"}, options);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.err, HasSubstr("is gone and benchgate is not in PATH"));
}

// The script is shipped into users' repositories: Debian's shellcheck (scripts/deps.sh --test)
// must find nothing in it, as in every other shipped script (tests/lint/).
TEST(HookScript, PassesShellcheck) {
  TempDir dir;
  const auto hook = dir / "pre-push";
  testing::write_file(hook, pre_push_hook_script("/opt/bench gate's/benchgate",
                                                 {"--config", "my bench.toml", "--budget", "60s"}));
  const auto r = testing::run_process({"shellcheck", "--shell", "sh", hook.string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

}  // namespace
}  // namespace benchgate::prepush
