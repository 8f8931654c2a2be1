// InOrder: items of one file worked on by several workers at once, one thread each, and
// handed over in the file's order on the calling thread (ReadInOrder, RestoreInOrder).
#ifndef VANBAN_PIPELINE_IN_ORDER_H_
#define VANBAN_PIPELINE_IN_ORDER_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace vanban::internal {

// Calls |work|(worker, i) for i in [0, count), each worker (0 .. workers - 1) on a thread
// of its own taking the next item not yet taken, and |use|(i, result) in the order of i
// on the calling thread. At most twice as many items as workers are worked ahead of |use|,
// so results wait in memory a few at a time. One worker (or one item) works on the
// calling thread.
template <typename Out>
void InOrder(size_t count, size_t workers, const std::function<Out(size_t worker, size_t index)>& work,
             const std::function<void(size_t index, Out out)>& use) {
  if (workers == 0) return;
  if (workers == 1 || count <= 1) {
    for (size_t i = 0; i < count; ++i) use(i, work(0, i));
    return;
  }
  // Results waiting for |use|: slot k holds item |handed| + k once it is done.
  const size_t ahead = 2 * workers;
  std::mutex mu;
  std::condition_variable changed;
  std::deque<std::optional<Out>> ready;
  size_t next = 0;    // the next item a worker takes
  size_t handed = 0;  // items given to |use| so far
  bool stop = false;  // |use| is done (all handed over)
  auto run = [&](size_t worker) {
    std::unique_lock lock(mu);
    while (true) {
      // A worker waits while it would run too far ahead of |use|.
      changed.wait(lock, [&] { return stop || next >= count || next < handed + ahead; });
      if (stop || next >= count) return;
      const size_t i = next++;
      lock.unlock();
      Out out = work(worker, i);
      lock.lock();
      if (ready.size() <= i - handed) ready.resize(i - handed + 1);
      ready[i - handed].emplace(std::move(out));
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (size_t w = 0; w < workers; ++w) threads.emplace_back(run, w);
  {
    std::unique_lock lock(mu);
    while (handed < count) {
      changed.wait(lock, [&] { return !ready.empty() && ready.front().has_value(); });
      Out out = std::move(*ready.front());
      ready.pop_front();
      const size_t i = handed++;
      changed.notify_all();
      lock.unlock();
      use(i, std::move(out));
      lock.lock();
    }
    stop = true;
    changed.notify_all();
  }
  for (std::thread& t : threads) t.join();
}

}  // namespace vanban::internal

#endif  // VANBAN_PIPELINE_IN_ORDER_H_
