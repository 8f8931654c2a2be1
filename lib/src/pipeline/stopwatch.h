// Wall and CPU time of a step, for the time reports of the reader and the indexer.
#ifndef VANBAN_PIPELINE_STOPWATCH_H_
#define VANBAN_PIPELINE_STOPWATCH_H_

#include <chrono>
#include <ctime>

namespace vanban::internal {

// Seconds of wall time since |t0|.
inline double SecondsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// CPU time of the calling thread: unlike wall time it does not grow while the thread
// waits for a core, so a split of the time into steps stays meaningful on a busy machine.
inline double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace vanban::internal

#endif  // VANBAN_PIPELINE_STOPWATCH_H_
