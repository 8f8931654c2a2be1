# Every dependency comes from a Debian 12 package (see .ci/setup).
find_package(CLI11 CONFIG REQUIRED)
find_package(fmt CONFIG REQUIRED)
find_package(nlohmann_json CONFIG REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n data)
find_package(SQLite3 REQUIRED)
# libpq: the PostgreSQL archive back end (Debian libpq-dev).
find_package(PostgreSQL REQUIRED)
find_package(PkgConfig REQUIRED)
# Debian's RE2 ships no CMake package, only re2.pc.
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
find_package(Threads REQUIRED)
