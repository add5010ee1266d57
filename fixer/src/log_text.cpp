// LogTextSink; see fixer/log_text.h.
#include "fixer/log_text.h"

#include <array>
#include <string>
#include <typeinfo>

#include <spdlog/pattern_formatter.h>

namespace fixer {

LogTextSink::~LogTextSink() = default;

namespace {

// "[info] ": each level's head of a line (spdlog's "[%l] "), made once rather than on every line.
std::string_view LineHead(spdlog::level::level_enum level) {
  static const auto heads = [] {
    std::array<std::string, spdlog::level::n_levels> all;
    for (size_t i = 0; i < all.size(); ++i) {
      const spdlog::string_view_t name = spdlog::level::to_string_view(static_cast<spdlog::level::level_enum>(i));
      all[i] = "[" + std::string(name.data(), name.size()) + "] ";
    }
    return all;
  }();
  return heads[static_cast<size_t>(level)];
}

}  // namespace

bool LogTextSink::AppendLine(spdlog::level::level_enum level, std::string_view line) {
  if (formatter_) return false;
  // "\n", not spdlog's Windows "\r\n": the text is the tool's, written through a text-mode
  // stream that makes each "\n" the system's line end (a CR of its own would show as "\x0d").
  out_.append(LineHead(level)).append(line).append("\n");
  return true;
}

void LogTextSink::log(const spdlog::details::log_msg& msg) {
  if (formatter_) {
    spdlog::memory_buf_t line;
    formatter_->format(msg, line);
    out_.append(line.data(), line.size());
    return;
  }
  AppendLine(msg.level, std::string_view(msg.payload.data(), msg.payload.size()));
}

void LogTextSink::set_pattern(const std::string& pattern) {
  formatter_ = std::make_unique<spdlog::pattern_formatter>(pattern, spdlog::pattern_time_type::local, "\n");
}

void LogTextSink::set_formatter(std::unique_ptr<spdlog::formatter> formatter) { formatter_ = std::move(formatter); }

LogTextSink* LineSinkOf(spdlog::logger& log) {
  const auto& sinks = log.sinks();
  if (sinks.size() != 1 || log.should_backtrace()) return nullptr;
  spdlog::sinks::sink& sink = *sinks.front();
  // LogTextSink is final, so its exact type is the test (cheaper than a dynamic_cast per line).
  return typeid(sink) == typeid(LogTextSink) ? static_cast<LogTextSink*>(&sink) : nullptr;
}

void WriteLine(spdlog::logger& log, spdlog::level::level_enum level, std::string_view line) {
  if (LogTextSink* text = LineSinkOf(log); text != nullptr && log.should_log(level)) {
    if (!text->should_log(level)) return;  // as spdlog's logger asks each sink
    if (text->AppendLine(level, line)) return;
  }
  log.log(level, spdlog::string_view_t(line.data(), line.size()));
}

}  // namespace fixer
