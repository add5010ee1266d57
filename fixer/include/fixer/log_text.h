// LogTextSink: a run's log as text, one "[level] message" line per record (spdlog's pattern
// "[%l] %v"), appended to a string the caller owns. When it is a logger's only sink, fixer::Log
// (fixer/text.h) hands it each finished line directly: no spdlog record with its clock read,
// no sink loop, for a text that shows neither a time nor a logger name. Any other logging
// through spdlog writes the same lines. A pattern set later is honoured (through spdlog).
//
//   std::string text;
//   auto log = std::make_shared<spdlog::logger>("aspnet-fixer", std::make_shared<fixer::LogTextSink>(text));
//   fixer::WriteLine(*log, spdlog::level::info, "step stop-services: begin");  // what fixer::Log does
//   log->warn("stopped {}", "W3SVC");  // through spdlog: the same form
//   // text == "[info] step stop-services: begin\n[warning] stopped W3SVC\n"
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <spdlog/formatter.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/sink.h>

namespace fixer {

class LogTextSink final : public spdlog::sinks::sink {
 public:
  explicit LogTextSink(std::string& out) : out_(out) {}
  ~LogTextSink() override;

  void log(const spdlog::details::log_msg& msg) override;
  void flush() override {}
  void set_pattern(const std::string& pattern) override;
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override;

  // Writes `line` as log() writes a record of that level and text; false (nothing written)
  // when a pattern is set, which only spdlog's record can fill.
  bool AppendLine(spdlog::level::level_enum level, std::string_view line);

 private:
  std::string& out_;
  std::unique_ptr<spdlog::formatter> formatter_;  // none: the fixed "[%l] %v" lines
};

// The logger's only sink, when that is a LogTextSink and the logger keeps no backtrace; else null.
LogTextSink* LineSinkOf(spdlog::logger& log);

// `line` logged at `level` by `log`: straight into its LogTextSink when LineSinkOf finds one
// without a pattern (the same text spdlog would write), else through spdlog.
void WriteLine(spdlog::logger& log, spdlog::level::level_enum level, std::string_view line);

}  // namespace fixer
