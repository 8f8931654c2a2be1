#include <cstdio>
#include <string>

#include "vanban/about.h"
#include "vanban/text.h"

int main() {
  std::string stripped = vanban::StripDiacritics("Nghị quyết");
  std::printf("vanban %s: %s\n", vanban::LibraryVersion().c_str(), stripped.c_str());
  return stripped == "Nghi quyet" ? 0 : 1;
}
