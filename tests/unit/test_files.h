// File helpers shared by the unit tests.
#ifndef VANBAN_TESTS_UNIT_TEST_FILES_H_
#define VANBAN_TESTS_UNIT_TEST_FILES_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace vanban::test {

// The bytes of |path| ("" when it cannot be read).
inline std::string ReadFileBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace vanban::test

#endif  // VANBAN_TESTS_UNIT_TEST_FILES_H_
