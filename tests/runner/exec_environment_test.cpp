// Environment capture from a fake /proc, /sys and /etc tree, testbed fingerprints, warnings, and
// the launch plan's seeded order.
#include <unistd.h>

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/version.h"
#include "runner/environment.h"
#include "runner/run_plan.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace benchgate::runner {
namespace {

using ::testing::HasSubstr;

void fake_system(const testing::TempDir& root, const std::string& governor) {
  std::filesystem::create_directories(root / "proc");
  std::filesystem::create_directories(root / "etc");
  std::filesystem::create_directories(root / "sys/devices/system/cpu/cpu0/cpufreq");
  testing::write_file(
      root / "proc/cpuinfo",
      "processor\t: 0\nvendor_id\t: GenuineIntel\n"
      "model name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz\n\n"
      "processor\t: 1\nmodel name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz\n");
  testing::write_file(
      root / "etc/os-release",
      "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n");
  if (!governor.empty())
    testing::write_file(root / "sys/devices/system/cpu/cpu0/cpufreq/scaling_governor",
                        governor + "\n");
}

TEST(Environment, ReadsCpuOsAndGovernorFromTheSystemTree) {
  testing::TempDir root;
  fake_system(root, "powersave");
  EnvironmentInfo info = capture_environment(root.path());
  EXPECT_EQ(info.cpu_model, "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz");
  EXPECT_EQ(info.os, "Debian GNU/Linux 12 (bookworm)");
  EXPECT_EQ(info.governor, "powersave");
  EXPECT_EQ(info.logical_cores, static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)));
  EXPECT_EQ(info.benchgate_version, std::string(kVersion));
  EXPECT_THAT(info.kernel, HasSubstr("Linux "));
  EXPECT_GE(info.load_average, 0.0);
}

TEST(Environment, StoresAHashOfTheHostNameNeverTheName) {
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  EnvironmentInfo info = capture_environment();
  std::string json = environment_json(info).dump();
  EXPECT_EQ(info.hostname_hash, short_hash(host));
  EXPECT_EQ(info.hostname_hash.size(), 16u);
  EXPECT_THAT(json, ::testing::Not(HasSubstr(std::string("\"") + host + "\"")));
  // FNV-1a 64 reference values (from the algorithm's published test vectors).
  EXPECT_EQ(short_hash(""), "cbf29ce484222325");
  EXPECT_EQ(short_hash("a"), "af63dc4c8601ec8c");
}

TEST(Environment, MissingFilesGiveUnknownNotErrors) {
  testing::TempDir empty;
  EnvironmentInfo info = capture_environment(empty.path());
  EXPECT_EQ(info.cpu_model, "unknown");
  EXPECT_EQ(info.governor, "");
  EXPECT_EQ(info.os, "");
}

TEST(Environment, FingerprintDependsOnCpuCoresAndOsOnly) {
  EnvironmentInfo a;
  a.cpu_model = "Xeon";
  a.logical_cores = 4;
  a.os = "Debian 12";
  a.load_average = 0.1;
  EnvironmentInfo b = a;
  b.load_average = 3.0;
  b.hostname_hash = "ffff";
  EXPECT_EQ(testbed_fingerprint(a), testbed_fingerprint(b));
  EXPECT_THAT(testbed_fingerprint(a), ::testing::MatchesRegex("fp-4c-[0-9a-f]{12}"));
  for (auto change : {+[](EnvironmentInfo& e) { e.cpu_model = "EPYC"; },
                      +[](EnvironmentInfo& e) { e.logical_cores = 8; },
                      +[](EnvironmentInfo& e) { e.os = "Ubuntu 24.04"; }}) {
    EnvironmentInfo c = a;
    change(c);
    EXPECT_NE(testbed_fingerprint(a), testbed_fingerprint(c));
  }
}

TEST(Environment, WarnsAboutBusyMachinesAndGovernors) {
  EnvironmentInfo calm;
  calm.logical_cores = 4;
  calm.load_average = 2.0;  // exactly cores/2: not busy
  calm.governor = "performance";
  EXPECT_TRUE(environment_warnings(calm).empty());
  EnvironmentInfo busy = calm;
  busy.load_average = 2.5;
  busy.governor = "powersave";
  auto warnings = environment_warnings(busy);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_THAT(warnings[0], HasSubstr("load average 2.50 on 4 logical cores"));
  EXPECT_THAT(warnings[1], HasSubstr("\"powersave\", not \"performance\""));
  EnvironmentInfo vm = calm;
  vm.governor = "";  // no cpufreq at all (VMs): nothing to warn about
  EXPECT_TRUE(environment_warnings(vm).empty());
}

TEST(RunPlan, SeedFixesTheOrderAndEveryLaunchAppearsOnce) {
  std::vector<SuiteLaunchCount> counts = {{0, 8}, {2, 5}};
  auto a = plan_launches(counts, 42);
  auto b = plan_launches(counts, 42);
  auto c = plan_launches(counts, 43);
  ASSERT_EQ(a.size(), 15u);
  auto key = [](const Launch& l) { return std::tuple(l.suite, l.process, l.warmup); };
  std::vector<std::tuple<int, int, bool>> ka, kb, kc;
  for (auto& l : a) ka.push_back(key(l));
  for (auto& l : b) kb.push_back(key(l));
  for (auto& l : c) kc.push_back(key(l));
  EXPECT_EQ(ka, kb);
  EXPECT_NE(ka, kc);
  // Warm-ups come first; then each measured (suite, process) exactly once.
  EXPECT_TRUE(a[0].warmup && a[1].warmup);
  auto measured = std::vector(ka.begin() + 2, ka.end());
  std::sort(measured.begin(), measured.end());
  std::vector<std::tuple<int, int, bool>> expected;
  for (int p = 0; p < 8; ++p) expected.emplace_back(0, p, false);
  for (int p = 0; p < 5; ++p) expected.emplace_back(1, p, false);
  EXPECT_EQ(measured, expected);
}

TEST(RunPlan, ShuffleIsUniformEnoughToInterleaveSuites) {
  // Over many seeds, suite 0's launches should be first about half the time: a shuffle that
  // kept suites in blocks (or favoured one end) would fail this.
  int suite0_first = 0;
  const int seeds = 2000;
  for (int seed = 0; seed < seeds; ++seed)
    suite0_first += plan_launches({{0, 3}, {0, 3}}, seed)[0].suite == 0;
  EXPECT_NEAR(suite0_first, seeds / 2, 150);  // ~6.7 standard deviations
}

}  // namespace
}  // namespace benchgate::runner
