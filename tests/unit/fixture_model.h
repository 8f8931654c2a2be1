// The fixture model (tests/data/model, compiled at build time) shared by the unit tests.
#ifndef VANBAN_TESTS_UNIT_FIXTURE_MODEL_H_
#define VANBAN_TESTS_UNIT_FIXTURE_MODEL_H_

#include <doctest/doctest.h>

#include <memory>

#include "model/model_data.h"
#include "model/model_parts.h"
#include "vanban/model.h"

namespace vanban::test {

// The fixture model's data, loaded once per test process.
inline const vanban::internal::ModelData& FixtureData() {
  static const std::shared_ptr<const vanban::Model> model = [] {
    auto m = vanban::Model::Load(VANBAN_FIXTURE_MODEL);
    REQUIRE_MESSAGE(m.ok(), m.status().ToString());
    return *m;
  }();
  return model->parts().data();
}

}  // namespace vanban::test

#endif  // VANBAN_TESTS_UNIT_FIXTURE_MODEL_H_
