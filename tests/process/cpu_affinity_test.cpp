// Children started on given CPUs (ChildSpec::cpus): the child sees exactly them from its start,
// benchgate's own affinity is untouched, and a CPU benchgate may not use is an input error.
#include <pthread.h>
#include <sched.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "core/errors.h"
#include "process/cpu_affinity.h"
#include "process/launch.h"

namespace benchgate::process {
namespace {

using ::testing::HasSubstr;

std::vector<int> this_thread_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  pthread_getaffinity_np(pthread_self(), sizeof set, &set);
  std::vector<int> cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu)
    if (CPU_ISSET(cpu, &set)) cpus.push_back(cpu);
  return cpus;
}

ChildSpec allowed_list_child() {
  ChildSpec spec;
  spec.argv = {"/bin/sh", "-c", "grep Cpus_allowed_list /proc/self/status"};
  spec.capture_stdout = true;
  return spec;
}

TEST(CpuAffinity, FormatsRunsLikeTheKernel) {
  EXPECT_EQ(format_cpu_list({0}), "0");
  EXPECT_EQ(format_cpu_list({3, 2, 0, 5, 6, 7}), "0,2-3,5-7");
  EXPECT_EQ(format_cpu_list({1, 1}), "1");
  EXPECT_EQ(format_cpu_list({}), "");
}

TEST(CpuAffinity, TheChildSeesExactlyTheRequestedCpuAndTheParentKeepsItsOwn) {
  const std::vector<int> before = this_thread_cpus();
  ASSERT_EQ(before, allowed_cpus());
  // The highest allowed CPU: not the one a child would run on by chance when only one exists.
  const int cpu = allowed_cpus().back();
  ChildSpec spec = allowed_list_child();
  spec.cpus = std::vector<int>{cpu};
  ChildOutcome o = run_child(spec);
  ASSERT_TRUE(o.succeeded()) << o.stderr_tail;
  EXPECT_EQ(o.stdout_text, fmt::format("Cpus_allowed_list:\t{}\n", cpu));
  EXPECT_EQ(this_thread_cpus(), before) << "the parent's affinity is restored";

  ChildOutcome unpinned = run_child(allowed_list_child());
  EXPECT_EQ(unpinned.stdout_text,
            fmt::format("Cpus_allowed_list:\t{}\n", format_cpu_list(allowed_cpus())));
}

TEST(CpuAffinity, ACpuBenchgateMayNotUseIsAnInputErrorNamingIt) {
  const std::vector<int> before = this_thread_cpus();
  ChildSpec spec = allowed_list_child();
  spec.cpus = std::vector<int>{CPU_SETSIZE + 5};
  try {
    run_child(spec);
    ADD_FAILURE() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr(fmt::format("CPU {} is not one benchgate may use (allowed: {})",
                                                CPU_SETSIZE + 5, format_cpu_list(allowed_cpus()))));
  }
  spec.cpus = std::vector<int>{};
  EXPECT_THROW(run_child(spec), InputError);
  EXPECT_EQ(this_thread_cpus(), before);
}

TEST(CpuAffinity, CountsInvoluntaryContextSwitches) {
  // A child that burns CPU beside another busy child on one CPU must be preempted.
  ChildSpec spec;
  spec.argv = {"/bin/sh", "-c",
               "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done & "
               "j=0; while [ $j -lt 200000 ]; do j=$((j+1)); done; wait"};
  spec.cpus = std::vector<int>{allowed_cpus().back()};
  ChildOutcome o = run_child(spec);
  ASSERT_TRUE(o.succeeded()) << o.stderr_tail;
  EXPECT_GT(o.involuntary_context_switches, 0);
}

}  // namespace
}  // namespace benchgate::process
