#include "command.h"

#include <algorithm>

namespace vanban::cli {
namespace {

std::vector<Command>& Registry() {
  static std::vector<Command> commands;  // function-local: safe across static-init order
  return commands;
}

}  // namespace

bool RegisterCommand(Command command) {
  auto& commands = Registry();
  auto pos = std::upper_bound(commands.begin(), commands.end(), command.order,
                              [](int order, const Command& c) { return order < c.order; });
  commands.insert(pos, std::move(command));
  return true;
}

const std::vector<Command>& RegisteredCommands() { return Registry(); }

}  // namespace vanban::cli
