// LoadModel with what it reads from the environment given, so that every branch of the
// rule can be tested (the build tree always has a model where LoadModel looks).
#ifndef VANBAN_PIPELINE_LOAD_MODEL_H_
#define VANBAN_PIPELINE_LOAD_MODEL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/pipeline.h"

namespace vanban::internal {

// |env|: the value of $VANBAN_MODEL ("" when unset); |places|: where to look when no file
// is named, in order (Model::SearchPath()).
Result<std::shared_ptr<const Model>> LoadModelFrom(const ModelChoice& choice, std::string_view env,
                                                   const std::vector<std::string>& places);

}  // namespace vanban::internal

#endif  // VANBAN_PIPELINE_LOAD_MODEL_H_
