#pragma once
// Independent work spread over the cores, with a result that does not depend on how many there
// are. Used where one command does thousands of independent pieces (the rows of a large
// comparison, the stored records of a long history) and the machine (a CI runner: 2 cores) would
// otherwise leave a core idle.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <future>
#include <thread>
#include <vector>

namespace benchgate {

// Calls worker(begin, end) for the chunks [0, chunk), [chunk, 2 chunk), ... of [0, count), on up
// to one thread per core; each thread takes the next chunk not yet taken. make_worker() is called
// once per thread, on this thread, and returns that thread's worker (so a worker may own scratch
// space). Workers run concurrently: each must write only the slots of its own chunk. The first
// exception a worker throws is rethrown here, after every thread has finished.
template <typename MakeWorker>
void parallel_chunks(std::size_t count, std::size_t chunk, MakeWorker make_worker) {
  if (count == 0) return;
  chunk = std::max<std::size_t>(chunk, 1);
  std::atomic<std::size_t> next{0};
  auto run = [&next, count, chunk](auto worker) {
    for (std::size_t begin; (begin = next.fetch_add(chunk)) < count;)
      worker(begin, std::min(begin + chunk, count));
  };
  const std::size_t threads = std::min<std::size_t>(
      std::max(1u, std::thread::hardware_concurrency()), (count + chunk - 1) / chunk);
  std::vector<std::future<void>> helpers;
  for (std::size_t t = 1; t < threads; ++t)
    helpers.push_back(std::async(std::launch::async, run, make_worker()));
  std::exception_ptr failure;
  try {
    run(make_worker());
  } catch (...) {
    failure = std::current_exception();
    next = count;  // the helpers stop after their current chunk
  }
  for (auto& helper : helpers) {
    try {
      helper.get();
    } catch (...) {
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace benchgate
