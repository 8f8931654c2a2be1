// What Model::Load maps, behind the public Model: the n-gram and candidate tables
// and, when the file carries a learned OCR channel, that channel ready for decoding.
// Kept out of vanban/model.h so that users never see the file's internal types.
#ifndef VANBAN_MODEL_MODEL_PARTS_H_
#define VANBAN_MODEL_MODEL_PARTS_H_

#include <memory>
#include <utility>

#include "model/channel_index.h"
#include "model/model_data.h"

namespace vanban::internal {

class ModelParts {
 public:
  ModelParts(std::unique_ptr<ModelData> data, std::unique_ptr<const ChannelIndex> channel)
      : data_(std::move(data)), channel_(std::move(channel)) {}

  const ModelData& data() const { return *data_; }
  // Null when the model has no OCR channel.
  const ChannelIndex* ocr_channel() const { return channel_.get(); }

 private:
  std::unique_ptr<ModelData> data_;
  std::unique_ptr<const ChannelIndex> channel_;
};

}  // namespace vanban::internal

#endif  // VANBAN_MODEL_MODEL_PARTS_H_
