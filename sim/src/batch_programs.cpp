// How a run of a program is named in BatchCommand and in an `errorlevel` check (sim/batch.h).
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/name_case.h"
#include "sim/batch.h"

namespace sim {
namespace {

// net's subcommands the fake runs, under the name a check gives them (`net users` is `net user`).
std::string_view NetSubcommand(std::string_view folded) {
  for (std::string_view known : {"user", "start", "stop", "pause", "continue", "localgroup", "helpmsg"})
    if (folded == known) return known;
  if (folded == "users") return "user";
  return {};
}

}  // namespace

std::string ProgramName(std::string_view word, std::string_view arguments) {
  if (const size_t folder = word.find_last_of("\\/"); folder != std::string_view::npos) word.remove_prefix(folder + 1);
  std::string name = fixer::FoldWindowsName(word);
  for (std::string_view extension : {".exe", ".com"})
    if (name.size() > extension.size() && name.ends_with(extension)) name.resize(name.size() - extension.size());
  if (name != "net") return name;
  const size_t start = arguments.find_first_not_of(" \t");
  if (start == std::string_view::npos) return name;
  const std::string_view first = arguments.substr(start, arguments.find_first_of(" \t", start) - start);
  const std::string_view sub = NetSubcommand(fixer::FoldWindowsName(first));
  return sub.empty() ? name : name + " " + std::string(sub);
}

const std::vector<std::string_view>& ModelledProgramNames() {
  static const std::vector<std::string_view> names = {"aspnet_regiis", "iisreset",       "runas",      "net",
                                                      "net user",      "net start",      "net stop",   "net pause",
                                                      "net continue",  "net localgroup", "net helpmsg"};
  return names;
}

std::optional<std::string> ModelledProgramName(std::string_view written) {
  const size_t start = written.find_first_not_of(" \t");
  if (start == std::string_view::npos) return std::nullopt;
  written.remove_prefix(start);
  const size_t end = written.find_first_of(" \t");
  const std::string_view word = written.substr(0, end);
  const std::string_view arguments = end == std::string_view::npos ? std::string_view() : written.substr(end);
  std::string name = ProgramName(word, arguments);
  // Every word written must be part of the name: "net usr" is no subcommand, "net user bob" names more.
  const size_t words_written = [&] {
    size_t n = 0;
    for (size_t i = 0; i < written.size(); ++i)
      if (written[i] != ' ' && written[i] != '\t' && (i == 0 || written[i - 1] == ' ' || written[i - 1] == '\t')) ++n;
    return n;
  }();
  const size_t words_named = name.find(' ') == std::string::npos ? 1 : 2;
  const auto& names = ModelledProgramNames();
  if (words_written != words_named || std::find(names.begin(), names.end(), name) == names.end()) return std::nullopt;
  return name;
}

}  // namespace sim
