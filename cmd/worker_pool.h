// Workers of one kind (document readers, restorers) kept from file to file: the documents
// of a file are worked on side by side, one thread a core (ReadInOrder, RestoreInOrder).
#ifndef VANBAN_CMD_WORKER_POOL_H_
#define VANBAN_CMD_WORKER_POOL_H_

#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

namespace vanban::cli {

template <typename Worker>
class WorkerPool {
 public:
  static constexpr size_t kMaxWorkers = 8;

  // |make| makes a worker when more are needed than were made so far.
  explicit WorkerPool(std::function<std::unique_ptr<Worker>()> make) : make_(std::move(make)) {}

  // Workers for a file of |documents| documents: one a core, at most |most|.
  std::vector<Worker*> For(size_t documents, size_t most = kMaxWorkers) {
    const size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const size_t wanted = std::min({documents, cores, most});
    while (workers_.size() < wanted) workers_.push_back(make_());
    std::vector<Worker*> out;
    for (size_t k = 0; k < wanted; ++k) out.push_back(workers_[k].get());
    return out;
  }

 private:
  std::function<std::unique_ptr<Worker>()> make_;
  std::vector<std::unique_ptr<Worker>> workers_;
};

}  // namespace vanban::cli

#endif  // VANBAN_CMD_WORKER_POOL_H_
