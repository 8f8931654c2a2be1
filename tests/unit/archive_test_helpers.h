// Helpers of the archive unit tests: a fresh directory per test case, and a document
// stored the way IndexDocuments stores one.
#ifndef VANBAN_TESTS_UNIT_ARCHIVE_TEST_HELPERS_H_
#define VANBAN_TESTS_UNIT_ARCHIVE_TEST_HELPERS_H_

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "vanban/archive.h"
#include "vanban/document.h"

namespace vanban {

// An empty directory of its own: TMPDIR/vanban_SUITE_NAME_PID.
inline std::string FreshTempDir(const std::string& suite, const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("vanban_" + suite + "_" + name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

// Stores |d| with |text| as its searched text, keyed by its source path.
inline void Put(Archive& a, const Document& d, const std::string& text) {
  ArchiveDocument ad;
  ad.path = d.source.path;
  ad.sha256 = Sha256Hex(text);
  ad.size = static_cast<int64_t>(text.size());
  ad.text = text;
  ad.record_json = ArchivalRecordJson(d, ad.sha256);
  ad.doc = &d;
  REQUIRE(a.Put(ad).ok());
}

}  // namespace vanban

#endif  // VANBAN_TESTS_UNIT_ARCHIVE_TEST_HELPERS_H_
