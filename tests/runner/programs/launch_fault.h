#pragma once
// Makes a test benchmark misbehave in one chosen launch only, so that tests can check that the
// other processes' results are kept. The launch number is counted in a file:
//   BENCHGATE_TEST_COUNTER=<file>  counts measured launches (those given --benchmark_out)
//   BENCHGATE_TEST_FAULT_ON=<n>    the 1-based launch that misbehaves (default: every launch)
//   BENCHGATE_TEST_PID_FILE=<file> the misbehaving launch writes its pid here
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

#include <benchmark/benchmark.h>

#include <unistd.h>

inline bool g_fault_this_launch = false;

inline void decide_fault(int argc, char** argv) {
  bool measured = false;
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], "--benchmark_out=", 16) == 0) measured = true;
  if (!measured) return;  // --help / --benchmark_list_tests probes never fault
  int launch = 1;
  if (const char* counter = std::getenv("BENCHGATE_TEST_COUNTER")) {
    std::ifstream in(counter);
    int previous = 0;
    if (in >> previous) launch = previous + 1;
    std::ofstream(counter) << launch << "\n";
  }
  const char* on = std::getenv("BENCHGATE_TEST_FAULT_ON");
  g_fault_this_launch = !on || std::atoi(on) == launch;
  if (g_fault_this_launch)
    if (const char* pid_file = std::getenv("BENCHGATE_TEST_PID_FILE"))
      std::ofstream(pid_file) << getpid() << "\n";
}

// main() of every test benchmark: a short default --benchmark_min_time keeps the tests fast
// (set as a flag, not with MinTime(), which would add "/min_time:..." to the benchmark names);
// a --benchmark_min_time given on the command line comes later and wins.
inline int test_benchmark_main(int argc, char** argv) {
  decide_fault(argc, argv);
  static char min_time[] = "--benchmark_min_time=0.002";
  std::vector<char*> args(argv, argv + argc);
  args.insert(args.begin() + 1, min_time);
  int count = static_cast<int>(args.size());
  args.push_back(nullptr);
  benchmark::Initialize(&count, args.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
