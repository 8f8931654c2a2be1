// Must not compile as part of model/: parse/ sits above model/ (lib/modules.cmake).
// tests/CMakeLists.txt builds it with model's include roots and runs the layering
// check on it, and both must refuse it.
#include "vanban/parse.h"
#include "parse/parse_context.h"
