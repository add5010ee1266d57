// Texts built from formats compiled at build time: the fixer's messages and log lines, the fake
// web stack's pages. A runtime format string is parsed on every call (that parse was a tenth of
// an apply); FMT_COMPILE checks and splits it once, when the program is built. The output is
// fmt::format's, byte for byte.
//
//   #include "fixer/text.h"
//   std::string line = fixer::Text(FMT_COMPILE("{} is enabled"), "ASPNET");   // "ASPNET is enabled"
//   fixer::Log(*logger, spdlog::level::info, FMT_COMPILE("step {}: begin"), "stop-services");
//   fixer::Log(*logger, spdlog::level::info, line);   // a text already made: written as it is
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/compile.h>
#include <fmt/format.h>
#include <spdlog/logger.h>

#include "fixer/log_text.h"

namespace fixer {

// A format string made with FMT_COMPILE.
template <typename S>
concept CompiledFormat = fmt::detail::is_compiled_string<S>::value;

// fmt::format_to(out, format, args...) with a compiled `format`.
template <CompiledFormat Format, typename... Args>
void AppendText(fmt::memory_buffer& out, const Format& format, const Args&... args) {
  // GCC 12 at -O3 sees a subscript of -1 in fmt's format_decimal where a compiled format begins
  // with an integer; the digit count it subtracts is at least 1 (a false -Warray-bounds).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
  fmt::format_to(fmt::appender(out), format, args...);
#pragma GCC diagnostic pop
}

// A count with its noun: "1 ACE", "5 ACEs", "0 db users".
inline std::string CountText(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + ' ' + std::string(n == 1 ? one : many);
}

// `text` as a sentence: a full stop added unless it ends with one (a Windows message, as
// "5: Access is denied.", brings its own).
inline std::string Sentence(std::string text) {
  if (text.empty() || text.back() != '.') text += '.';
  return text;
}

// fmt::format(format, args...) with a compiled `format`, made in a stack buffer and copied
// into a string of exactly its size (one allocation, where appending to a string grows it).
template <CompiledFormat Format, typename... Args>
std::string Text(const Format& format, const Args&... args) {
  fmt::memory_buffer out;
  AppendText(out, format, args...);
  return std::string(out.data(), out.size());
}

// One log line, formatted only when `log` writes that level, and handed over whole (no runtime
// format of spdlog's; a run's LogTextSink takes it directly: WriteLine).
template <CompiledFormat Format, typename... Args>
void Log(spdlog::logger& log, spdlog::level::level_enum level, const Format& format, const Args&... args) {
  if (!log.should_log(level)) return;
  fmt::memory_buffer line;
  AppendText(line, format, args...);
  WriteLine(log, level, std::string_view(line.data(), line.size()));
}

// A text already made, written as the line.
inline void Log(spdlog::logger& log, spdlog::level::level_enum level, std::string_view line) {
  WriteLine(log, level, line);
}

}  // namespace fixer
