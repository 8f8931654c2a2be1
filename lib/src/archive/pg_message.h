// What a PostgreSQL (libpq) message becomes before vanban shows it.
#ifndef VANBAN_ARCHIVE_PG_MESSAGE_H_
#define VANBAN_ARCHIVE_PG_MESSAGE_H_

#include <string>
#include <string_view>
#include <vector>

namespace vanban::internal {

// |message| as one line (libpq texts span several), with each of |secrets| masked.
std::string CleanPgMessage(std::string_view message, const std::vector<std::string>& secrets);

}  // namespace vanban::internal

#endif  // VANBAN_ARCHIVE_PG_MESSAGE_H_
