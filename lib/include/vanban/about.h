// Version information for --version and `vanban info`.
#ifndef VANBAN_ABOUT_H_
#define VANBAN_ABOUT_H_

#include <string>

namespace vanban {

// "0.1.0"
std::string LibraryVersion();
// Version of the ICU library vanban was built against, e.g. "72.1".
std::string IcuVersion();

}  // namespace vanban

#endif  // VANBAN_ABOUT_H_
