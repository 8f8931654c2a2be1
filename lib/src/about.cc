#include "vanban/about.h"

#include <unicode/uversion.h>

#include "vanban/version.h"

namespace vanban {

std::string LibraryVersion() { return VANBAN_VERSION; }
std::string IcuVersion() { return U_ICU_VERSION; }

}  // namespace vanban
