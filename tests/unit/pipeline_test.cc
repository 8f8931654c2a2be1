// The pipeline (vanban/pipeline.h): the one model-loading rule, every branch of it, and
// the reader giving what restore-then-parse by hand gives.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include "pipeline/load_model.h"
#include "test_files.h"
#include "vanban/document.h"
#include "vanban/parse.h"
#include "vanban/pipeline.h"
#include "vanban/restore.h"

namespace {

using vanban::ModelChoice;
using vanban::StatusCode;
using vanban::internal::LoadModelFrom;

const std::string kMissing = "/nonexistent/vanban-test/missing.model";

// A file that exists but is no model, removed when the test process ends.
std::string BrokenModelFile() {
  struct File {
    std::string path;
    File() {
      // One per process: ctest runs this case alone and within unit.all_cases at once.
      path = (std::filesystem::temp_directory_path() /
              ("vanban-pipeline-test-broken-" + std::to_string(::getpid()) + ".model"))
                 .string();
      std::ofstream(path) << "Uy ban nhan dan\n";
    }
    ~File() {
      std::error_code ec;
      std::filesystem::remove(path, ec);
    }
  };
  static const File file;
  return file.path;
}

const char kStripped[] =
    "UY BAN NHAN DAN TINH\n"
    "Can cu Nghi dinh so 15/2020/ND-CP cua Chinh phu;\n";

}  // namespace

TEST_CASE("pipeline: --no-restore loads nothing, even a file that is missing") {
  auto m = LoadModelFrom({.path = kMissing, .restore = false}, kMissing, {kMissing});
  REQUIRE(m.ok());
  CHECK(*m == nullptr);
}

TEST_CASE("pipeline: a named model that is missing or broken is an error naming the file") {
  auto missing = LoadModelFrom({.path = kMissing, .restore = true}, "", {VANBAN_FIXTURE_MODEL});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
  CHECK(missing.status().message().find(kMissing) != std::string::npos);

  auto broken = LoadModelFrom({.path = BrokenModelFile(), .restore = true}, "", {VANBAN_FIXTURE_MODEL});
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().code() == StatusCode::kCorruption);
  CHECK(broken.status().message().rfind(BrokenModelFile() + ": ", 0) == 0);
}

TEST_CASE("pipeline: $VANBAN_MODEL names the model when --model does not, and beats the default places") {
  auto env_missing = LoadModelFrom({}, kMissing, {VANBAN_FIXTURE_MODEL});
  REQUIRE_FALSE(env_missing.ok());
  CHECK(env_missing.status().message().find(kMissing) != std::string::npos);
  auto env_fixture = LoadModelFrom({}, VANBAN_FIXTURE_MODEL, {kMissing});
  REQUIRE(env_fixture.ok());
  CHECK(*env_fixture != nullptr);
  // --model beats $VANBAN_MODEL.
  CHECK_FALSE(LoadModelFrom({.path = kMissing, .restore = true}, VANBAN_FIXTURE_MODEL, {}).ok());
}

TEST_CASE("pipeline: no model anywhere is an error, never a silent parse without restoring") {
  auto none = LoadModelFrom({}, "", {kMissing, kMissing + ".2"});
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == StatusCode::kNotFound);
  CHECK(none.status().message() == "no restoration model found (looked for " + kMissing + ", " + kMissing + ".2)");
  // The first place that has a model is taken.
  auto found = LoadModelFrom({}, "", {kMissing, VANBAN_FIXTURE_MODEL});
  REQUIRE(found.ok());
  CHECK(*found != nullptr);
}

TEST_CASE("pipeline: the reader restores, then parses the source with the restored text") {
  auto model = LoadModelFrom({.path = VANBAN_FIXTURE_MODEL, .restore = true}, "", {});
  REQUIRE(model.ok());
  vanban::DocumentReader reader(*model);
  CHECK(reader.restores());
  auto read = reader.FromText(kStripped, "plan.txt");
  REQUIRE(read.ok());

  vanban::RestoreOptions ro;
  ro.record_tokens = false;
  vanban::Restorer restorer(*model, ro);
  const std::string restored = restorer.Restore(kStripped).text;
  CHECK(read->text == restored);
  CHECK(read->text.find("ỦY BAN NHÂN DÂN TỈNH") != std::string::npos);
  vanban::ParseOptions po;
  po.source_name = "plan.txt";
  po.restored_text = restored;
  auto by_hand = vanban::ParseDocument(kStripped, po);
  REQUIRE(by_hand.ok());
  CHECK(vanban::DocumentToJson(read->doc) == vanban::DocumentToJson(*by_hand));
}

TEST_CASE("pipeline: without a model the reader parses the text as it is") {
  vanban::DocumentReader reader(nullptr);
  CHECK_FALSE(reader.restores());
  auto read = reader.FromText(kStripped, "plan.txt", 7);
  REQUIRE(read.ok());
  CHECK(read->text == kStripped);
  vanban::ParseOptions po;
  po.source_name = "plan.txt";
  po.first_line = 7;
  auto by_hand = vanban::ParseDocument(kStripped, po);
  REQUIRE(by_hand.ok());
  CHECK(vanban::DocumentToJson(read->doc) == vanban::DocumentToJson(*by_hand));
}

TEST_CASE("pipeline: bytes are decoded with the read options and binary data is refused") {
  vanban::ReadOptions options;
  options.decode.from = vanban::Encoding::kViqr;
  vanban::DocumentReader viqr(nullptr, options);
  auto read = viqr.FromBytes("U?y ban nha^n da^n\n", "viqr.txt");
  REQUIRE(read.ok());
  CHECK(read->text == "Ủy ban nhân dân\n");

  vanban::DocumentReader reader(nullptr);
  auto nul = reader.FromText(std::string("a\nb\0c\n", 6), "bin.txt");
  REQUIRE_FALSE(nul.ok());
  CHECK(nul.status().message() == "2: binary data, not text (NUL character)");
}

TEST_CASE("pipeline: the fast preset is --fast: no readings proposed from context") {
  CHECK(vanban::ReadOptions::Fast().restore.context_readings == 0);
  CHECK_FALSE(vanban::ReadOptions::Fast().restore.second_pass);
  CHECK(vanban::ReadOptions().restore.context_readings > 0);
}

TEST_CASE("pipeline: ReadInOrder gives the records of one reader, in order, with any number of readers") {
  auto model = LoadModelFrom({.path = VANBAN_FIXTURE_MODEL, .restore = true}, "", {});
  REQUIRE(model.ok());
  // The OCR'd samples one after another: more documents than readers and than the
  // documents a reader may read ahead, of different lengths so they finish out of order.
  std::string text;
  for (const char* name : {"cong_van_1245_ubnd", "quyet_dinh_169_2025", "ke_hoach_58_ubnd", "to_trinh_42_ubnd",
                           "bao_cao_87_ubnd", "nghi_quyet_17_2026", "thong_tu_40_2026", "nghi_dinh_118_2026"}) {
    text += vanban::test::ReadFileBytes(std::string(VANBAN_SOURCE_DIR) + "/samples/ocrsim/" + name + ".txt");
    text += "\n";
  }
  const std::vector<vanban::DocumentPart> parts = vanban::SplitDocuments(text);
  REQUIRE(parts.size() >= 7);
  auto read_with = [&](size_t n) {
    std::vector<std::unique_ptr<vanban::DocumentReader>> owned;
    std::vector<vanban::DocumentReader*> readers;
    for (size_t k = 0; k < n; ++k) {
      owned.push_back(std::make_unique<vanban::DocumentReader>(*model));
      readers.push_back(owned.back().get());
    }
    std::vector<std::string> records;
    vanban::ReadInOrder(parts, "all.txt", readers, [&](size_t index, vanban::Result<vanban::ReadResult> read) {
      CHECK(index == records.size());
      REQUIRE(read.ok());
      records.push_back(read->text + vanban::DocumentToJson(read->doc));
    });
    return records;
  };
  const std::vector<std::string> one = read_with(1);
  CHECK(one.size() == parts.size());
  CHECK(read_with(2) == one);
  CHECK(read_with(3) == one);
}

TEST_CASE("pipeline: RestoreInOrder restores each document as alone, in order, with any number of restorers") {
  auto model = LoadModelFrom({.path = VANBAN_FIXTURE_MODEL, .restore = true}, "", {});
  REQUIRE(model.ok());
  std::string text;
  for (const char* name : {"cong_van_1245_ubnd", "quyet_dinh_169_2025.clean", "ke_hoach_58_ubnd", "to_trinh_42_ubnd",
                           "bao_cao_87_ubnd.clean", "nghi_quyet_17_2026", "thong_tu_40_2026"}) {
    text += vanban::test::ReadFileBytes(std::string(VANBAN_SOURCE_DIR) + "/samples/ocrsim/" + name + ".txt");
    text += "\n";
  }
  const std::vector<vanban::DocumentPart> parts = vanban::SplitDocuments(text);
  REQUIRE(parts.size() >= 6);
  vanban::RestoreOptions options;
  options.record_tokens = options.confidence = true;  // the confidence pass and its memos too
  // Everything a restoration gives: the text, each word's reading, confidence and alternatives.
  auto shown = [](const vanban::RestoreResult& r) {
    std::string s = r.text;
    for (const vanban::RestoredToken& t : r.tokens) {
      s += "|" + std::to_string(t.line) + ":" + std::to_string(t.begin) + " " + t.restored + " " +
           std::to_string(t.confidence);
      for (const vanban::Alternative& a : t.alternatives) s += " " + a.text + "=" + std::to_string(a.probability);
    }
    return s;
  };
  // Each document by a restorer of its own that has restored nothing before.
  std::vector<std::string> alone;
  for (const vanban::DocumentPart& part : parts) alone.push_back(shown(vanban::Restorer(*model, options).Restore(part.text)));
  // Each document after the restorer's memos were warmed by all the others.
  for (size_t i = 0; i < parts.size(); ++i) {
    vanban::Restorer warm(*model, options);
    for (size_t k = parts.size(); k-- > 0;)
      if (k != i) warm.Restore(parts[k].text);
    CHECK(shown(warm.Restore(parts[i].text)) == alone[i]);
  }
  auto restore_with = [&](size_t n) {
    std::vector<std::unique_ptr<vanban::Restorer>> owned;
    std::vector<vanban::Restorer*> restorers;
    for (size_t k = 0; k < n; ++k) {
      owned.push_back(std::make_unique<vanban::Restorer>(*model, options));
      restorers.push_back(owned.back().get());
    }
    std::vector<std::string> texts;
    vanban::RestoreInOrder(parts, restorers, [&](size_t index, vanban::RestoreResult r) {
      CHECK(index == texts.size());
      texts.push_back(shown(r));
    });
    return texts;
  };
  CHECK(restore_with(1) == alone);
  CHECK(restore_with(2) == alone);
  CHECK(restore_with(3) == alone);
}
