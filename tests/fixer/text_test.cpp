// Texts from compiled formats (fixer/text.h) are fmt::format's byte for byte, log lines are
// written only at the levels the logger writes; journal fields escape exactly % | , ; CR LF.
#include "fixer/text.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>

#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "fixer/journal_codec.h"
#include "fixer/log_text.h"
#include "fixer/result.h"
#include "fixer/sid.h"

namespace fixer {
namespace {

// Every kind of argument the fixer's and the fakes' texts format, each first, inside and last
// in its format (GCC's false -Warray-bounds came from a format that begins with an integer).
TEST(Text, IsFmtFormatForEveryKindOfArgument) {
  const std::string account = "ASPNET";
  const std::string_view view = "W3SVC";
  const Sid sid = *Sid::Parse("S-1-5-21-1004336348-1177238915-682003330-1004");
  const Status failed(1326, "Logon failure: unknown user name or bad password.");
  const std::vector<std::string> names = {"IISADMIN", "W3SVC"};
  const size_t count = 12;
  const uint32_t mask = 0x1200a9;

  EXPECT_EQ(Text(FMT_COMPILE("{} is enabled"), account), fmt::format("{} is enabled", account));
  EXPECT_EQ(Text(FMT_COMPILE("stop {} (dependents before IISADMIN)"), view),
            fmt::format("stop {} (dependents before IISADMIN)", view));
  EXPECT_EQ(Text(FMT_COMPILE("{} ({})"), "literal", account), fmt::format("{} ({})", "literal", account));
  EXPECT_EQ(Text(FMT_COMPILE("{} logins, {} db users"), count, size_t{0}),
            fmt::format("{} logins, {} db users", count, size_t{0}));
  EXPECT_EQ(Text(FMT_COMPILE("ace.{}"), count), fmt::format("ace.{}", count));
  EXPECT_EQ(Text(FMT_COMPILE("{:#x}"), mask), fmt::format("{:#x}", mask));
  EXPECT_EQ(Text(FMT_COMPILE("{:08X}"), 0x80070005u), fmt::format("{:08X}", 0x80070005u));
  EXPECT_EQ(Text(FMT_COMPILE("{} exists ({})"), account, sid), fmt::format("{} exists ({})", account, sid));
  EXPECT_EQ(Text(FMT_COMPILE("step {} failed: {}"), view, failed), fmt::format("step {} failed: {}", view, failed));
  EXPECT_EQ(Text(FMT_COMPILE("{}"), Status()), fmt::format("{}", Status()));
  EXPECT_EQ(Text(FMT_COMPILE("{}: {}"), 5u, "Access is denied."), fmt::format("{}: {}", 5u, "Access is denied."));
  EXPECT_EQ(Text(FMT_COMPILE("{}"), fmt::join(names, ", ")), fmt::format("{}", fmt::join(names, ", ")));
  EXPECT_EQ(Text(FMT_COMPILE("no arguments")), "no arguments");
  EXPECT_EQ(Text(FMT_COMPILE("{}"), ""), "");
  const std::string long_text(5000, 'x');  // past the buffer kept on the stack
  EXPECT_EQ(Text(FMT_COMPILE("[{}]"), long_text), "[" + long_text + "]");
}

TEST(Text, CountTextIsSingularForOneOnly) {
  EXPECT_EQ(CountText(0, "db user", "db users"), "0 db users");
  EXPECT_EQ(CountText(1, "group", "groups"), "1 group");
  EXPECT_EQ(CountText(30, "explicit ACE", "explicit ACEs"), "30 explicit ACEs");
}

TEST(Text, StatusTextIsCodeAndMessage) {
  EXPECT_EQ(Status(1326, "Logon failure: unknown user name or bad password.").ToString(),
            "1326: Logon failure: unknown user name or bad password.");
  EXPECT_EQ(Status::Win(5).ToString(), "5: Access is denied.");
  EXPECT_EQ(Status().ToString(), "0: The operation completed successfully.");
}

struct CapturedLog {
  std::ostringstream lines;
  std::shared_ptr<spdlog::logger> log;
  explicit CapturedLog(spdlog::level::level_enum level)
      : log(std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::ostream_sink_st>(lines))) {
    log->set_pattern("[%l] %v");
    log->set_level(level);
  }
};

// An argument that counts how often it was formatted: a line below the logger's level must not
// be formatted at all.
struct Counted {
  int* formatted;
};

}  // namespace
}  // namespace fixer

template <>
struct fmt::formatter<fixer::Counted> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const fixer::Counted& c, FormatContext& ctx) const {
    ++*c.formatted;
    return fmt::formatter<std::string_view>::format("counted", ctx);
  }
};

namespace fixer {
namespace {

TEST(Log, WritesTheLineAtTheLevelsTheLoggerWrites) {
  CapturedLog captured(spdlog::level::info);
  int formatted = 0;
  Log(*captured.log, spdlog::level::info, FMT_COMPILE("step {}: begin ({})"), "stop-services", Counted{&formatted});
  Log(*captured.log, spdlog::level::debug, FMT_COMPILE("re-granted {} {}"), "file", Counted{&formatted});
  Log(*captured.log, spdlog::level::warn, FMT_COMPILE("could not start {}: {}"), "W3SVC", Status::Win(1058));
  Log(*captured.log, spdlog::level::err, FMT_COMPILE("step {} failed: {}"), "register", Status::Win(5));
  Log(*captured.log, spdlog::level::info, std::string("a {} made text, written as it is"));
  Log(*captured.log, spdlog::level::debug, "not written");
  EXPECT_EQ(formatted, 1);  // the debug line was never formatted
  EXPECT_EQ(captured.lines.str(),
            "[info] step stop-services: begin (counted)\n"
            "[warning] could not start W3SVC: 1058: The service cannot be started, either because it is disabled "
            "or because it has no enabled devices associated with it.\n"
            "[error] step register failed: 5: Access is denied.\n"
            "[info] a {} made text, written as it is\n");

  CapturedLog verbose(spdlog::level::debug);
  Log(*verbose.log, spdlog::level::debug, FMT_COMPILE("re-granted {} {}"), "file", Counted{&formatted});
  EXPECT_EQ(formatted, 2);
  EXPECT_EQ(verbose.lines.str(), "[debug] re-granted file counted\n");
}

// Every way a line reaches a LogTextSink: through fixer::Log, handed over directly (the sink is
// the logger's only one), and through spdlog (another sink beside it, a backtrace kept, a
// pattern set). Each writes what spdlog's "[%l] %v" writes, at the levels both the logger and
// the sink write.
TEST(LogTextSink, EveryPathWritesWhatSpdlogsPatternWrites) {
  auto lines_of = [](auto&& setup) {
    std::string text;
    std::ostringstream reference;
    auto sink = std::make_shared<LogTextSink>(text);
    auto log = std::make_shared<spdlog::logger>("test", sink);
    auto spdlogs = std::make_shared<spdlog::logger>("ref", std::make_shared<spdlog::sinks::ostream_sink_st>(reference));
    spdlogs->set_pattern("[%l] %v");
    setup(*log, *sink, *spdlogs);
    for (spdlog::logger* l : {log.get(), spdlogs.get()}) {
      Log(*l, spdlog::level::info, FMT_COMPILE("step {}: begin"), "stop-services");
      Log(*l, spdlog::level::debug, FMT_COMPILE("re-granted {}"), "file");
      Log(*l, spdlog::level::warn, std::string("a {} made text"));
      Log(*l, spdlog::level::err, FMT_COMPILE("step {} failed: {}"), "register", Status::Win(5));
      l->info("through spdlog: {}", 1);
    }
    return std::make_pair(text, reference.str());
  };
  const std::string all_at_info =
      "[info] step stop-services: begin\n"
      "[warning] a {} made text\n"
      "[error] step register failed: 5: Access is denied.\n"
      "[info] through spdlog: 1\n";
  auto direct = lines_of([](spdlog::logger&, LogTextSink&, spdlog::logger&) {});
  EXPECT_EQ(direct.first, all_at_info);
  EXPECT_EQ(direct.second, all_at_info);

  auto verbose = lines_of([](spdlog::logger& log, LogTextSink&, spdlog::logger& ref) {
    log.set_level(spdlog::level::debug);
    ref.set_level(spdlog::level::debug);
  });
  EXPECT_EQ(verbose.first, verbose.second);
  EXPECT_NE(verbose.first.find("[debug] re-granted file\n"), std::string::npos);

  auto sink_at_warning = lines_of([](spdlog::logger&, LogTextSink& sink, spdlog::logger& ref) {
    sink.set_level(spdlog::level::warn);
    ref.sinks().front()->set_level(spdlog::level::warn);
  });
  EXPECT_EQ(sink_at_warning.first, sink_at_warning.second);
  EXPECT_EQ(sink_at_warning.first, "[warning] a {} made text\n[error] step register failed: 5: Access is denied.\n");

  auto patterned = lines_of([](spdlog::logger& log, LogTextSink&, spdlog::logger& ref) {
    log.set_pattern("%l: %v;");
    ref.set_pattern("%l: %v;");
  });
  EXPECT_EQ(patterned.first, patterned.second);
  EXPECT_EQ(patterned.first.substr(0, 32), "info: step stop-services: begin;");

  auto backtraced = lines_of([](spdlog::logger& log, LogTextSink&, spdlog::logger&) { log.enable_backtrace(4); });
  EXPECT_EQ(backtraced.first, all_at_info);
}

// Which loggers LineSinkOf hands lines to directly: one whose only sink is a LogTextSink and which
// keeps no backtrace; any other goes through spdlog.
TEST(LogTextSink, LinesGoDirectlyOnlyToALoggersOnlySink) {
  std::string text;
  auto sink = std::make_shared<LogTextSink>(text);
  spdlog::logger alone("alone", sink);
  EXPECT_EQ(LineSinkOf(alone), sink.get());
  std::ostringstream other_lines;
  spdlog::logger two("two", {sink, std::make_shared<spdlog::sinks::ostream_sink_st>(other_lines)});
  EXPECT_EQ(LineSinkOf(two), nullptr);
  Log(two, spdlog::level::info, FMT_COMPILE("to {}"), "both");
  EXPECT_EQ(text, "[info] to both\n");
  EXPECT_NE(other_lines.str().find("to both"), std::string::npos);
  spdlog::logger backtracing("backtracing", sink);
  backtracing.enable_backtrace(4);
  EXPECT_EQ(LineSinkOf(backtracing), nullptr);
  spdlog::logger stream_only("stream", std::make_shared<spdlog::sinks::ostream_sink_st>(other_lines));
  EXPECT_EQ(LineSinkOf(stream_only), nullptr);
}

// What EscapeField did one character at a time before it appended runs: the reference.
std::string EscapedOneByOne(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '|': out += "%7C"; break;
      case ',': out += "%2C"; break;
      case ';': out += "%3B"; break;
      case '\n': out += "%0A"; break;
      case '\r': out += "%0D"; break;
      default: out += c;
    }
  }
  return out;
}

TEST(JournalFields, EscapeExactlyTheSeparatorsAndRoundTrip) {
  EXPECT_EQ(EscapeField("%|,;\n\r"), "%25%7C%2C%3B%0A%0D");
  EXPECT_EQ(EscapeField("C:\\Inetpub\\wwwroot"), "C:\\Inetpub\\wwwroot");
  EXPECT_EQ(EscapeField(""), "");
  EXPECT_EQ(EscapeField("a,b"), "a%2Cb");
  EXPECT_EQ(EscapeField(",leading and trailing;"), "%2Cleading and trailing%3B");
  std::string every_byte;
  for (int c = 0; c < 256; ++c) every_byte += static_cast<char>(c);
  EXPECT_EQ(EscapeField(every_byte), EscapedOneByOne(every_byte));
  EXPECT_EQ(UnescapeField(EscapeField(every_byte)), every_byte);

  // Random fields, dense in the escaped characters: the same text as one by one, and back.
  std::mt19937 random(15);
  const std::string alphabet = "%|,;\n\rab\\ 7C%";
  for (int n = 0; n < 500; ++n) {
    std::string field(random() % 40, ' ');
    for (char& c : field) c = alphabet[random() % alphabet.size()];
    ASSERT_EQ(EscapeField(field), EscapedOneByOne(field)) << n;
    ASSERT_EQ(UnescapeField(EscapeField(field)), field) << n;
  }
  const std::vector<std::string> items = {"W3SVC", "a,b", "", "50%;|", "line\r\nnext"};
  EXPECT_EQ(JoinList(items), "W3SVC,a%2Cb,,50%25%3B%7C,line%0D%0Anext");
  EXPECT_EQ(SplitList(JoinList(items)), items);
}

// What a hand-edited journal may hold: a '%' that starts no escape stays as it is.
TEST(JournalFields, UnescapeKeepsAPercentThatStartsNoEscape) {
  const std::pair<const char*, const char*> kFields[] = {{"50%", "50%"}, {"%4", "%4"},         {"%zz%41", "%zzA"},
                                                         {"%%41", "%A"}, {"a%2Cb%2", "a,b%2"}, {"%-1", "%-1"}};
  for (const auto& [field, text] : kFields) EXPECT_EQ(UnescapeField(field), text) << field;
}

}  // namespace
}  // namespace fixer
