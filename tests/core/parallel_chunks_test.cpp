// core/parallel_chunks.h: every index is worked on exactly once, by the chunk that owns it, on
// any number of threads; each thread has its own worker; a worker's exception reaches the caller.
#include "core/parallel_chunks.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace benchgate {
namespace {

TEST(ParallelChunks, EveryIndexOnceWhateverTheChunkSize) {
  for (const std::size_t count : {0, 1, 7, 256, 1000})
    for (const std::size_t chunk : {0, 1, 3, 256, 5000}) {
      std::vector<std::atomic<int>> visits(count);
      parallel_chunks(count, chunk, [&] {
        return [&](std::size_t begin, std::size_t end) {
          EXPECT_LT(begin, end);
          EXPECT_LE(end, count);
          for (std::size_t i = begin; i < end; ++i) ++visits[i];
        };
      });
      for (std::size_t i = 0; i < count; ++i)
        ASSERT_EQ(visits[i].load(), 1) << "count " << count << " chunk " << chunk << " i " << i;
    }
}

TEST(ParallelChunks, EachThreadGetsAWorkerOfItsOwn) {
  std::mutex lock;
  std::set<std::thread::id> threads;
  std::atomic<int> workers{0};
  parallel_chunks(4096, 1, [&] {
    ++workers;
    return [&, mine = std::make_shared<std::thread::id>()](std::size_t, std::size_t) {
      // A worker is only ever called on one thread.
      const std::thread::id me = std::this_thread::get_id();
      if (*mine == std::thread::id()) *mine = me;
      EXPECT_EQ(*mine, me);
      std::lock_guard<std::mutex> guard(lock);
      threads.insert(me);
    };
  });
  EXPECT_GE(workers.load(), 1);
  EXPECT_LE(threads.size(), static_cast<std::size_t>(workers.load()));
  EXPECT_LE(workers.load(), static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
}

TEST(ParallelChunks, AWorkersExceptionReachesTheCallerAfterEveryThreadStopped) {
  std::atomic<int> running{0};
  EXPECT_THROW(parallel_chunks(10000, 10,
                               [&] {
                                 return [&](std::size_t begin, std::size_t) {
                                   ++running;
                                   if (begin == 5000) {
                                     --running;
                                     throw std::runtime_error("chunk 500 failed");
                                   }
                                   --running;
                                 };
                               }),
               std::runtime_error);
  EXPECT_EQ(running.load(), 0);
}

}  // namespace
}  // namespace benchgate
