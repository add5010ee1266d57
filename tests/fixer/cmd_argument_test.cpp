// fixer::CmdArgument: a name in a command the advice gives, as cmd.exe and then the program's argv
// read it back. ArgvOf below reads a line as cmd.exe (quotes, ^, %VAR%) and then as the C
// runtime's argv parser does, so each test checks the round trip, not only the spelling.
#include "fixer/cmd_argument.h"

#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

// cmd.exe's reading of a typed line [SO 4094699]: %NAME% of a defined variable replaced (an
// undefined one kept, as at the prompt), then, outside quotes, ^ escaping the next character and
// & ending the command. Returns the command line the program gets, up to a live &.
std::string CmdReads(const std::string& line, const std::map<std::string, std::string>& env) {
  std::string expanded;
  for (size_t i = 0; i < line.size(); ++i) {
    const size_t end = line[i] == '%' ? line.find('%', i + 1) : std::string::npos;
    if (end != std::string::npos) {
      if (auto v = env.find(line.substr(i + 1, end - i - 1)); v != env.end()) {
        expanded += v->second;
        i = end;
        continue;
      }
    }
    expanded += line[i];
  }
  std::string out;
  bool quoted = false;
  for (size_t i = 0; i < expanded.size(); ++i) {
    const char c = expanded[i];
    if (!quoted && c == '^' && i + 1 < expanded.size()) {
      out += expanded[++i];
      continue;
    }
    if (!quoted && c == '&') break;
    if (c == '"') quoted = !quoted;
    out += c;
  }
  return out;
}

// The C runtime's argv [Parsing C Command-Line Arguments]: blanks separate, quotes group, 2n
// backslashes and a quote are n and the quote's meaning, 2n+1 are n and a literal quote.
std::vector<std::string> ArgvOf(const std::string& line) {
  std::vector<std::string> args;
  std::string arg;
  bool quoted = false, any = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\\') {
      size_t n = 0;
      while (i + n < line.size() && line[i + n] == '\\') ++n;
      if (i + n < line.size() && line[i + n] == '"') {
        arg += std::string(n / 2, '\\');
        i += n;
        if (n % 2 == 1) {
          arg += '"';
        } else {
          quoted = !quoted;
        }
      } else {
        arg += std::string(n, '\\');
        i += n - 1;
      }
      any = true;
      continue;
    }
    if (!quoted && (c == ' ' || c == '\t')) {
      if (any) args.push_back(arg);
      arg.clear();
      any = false;
      continue;
    }
    if (c == '"') {
      quoted = !quoted;
    } else {
      arg += c;
    }
    any = true;
  }
  if (any) args.push_back(arg);
  return args;
}

std::vector<std::string> Typed(const std::string& line) { return ArgvOf(CmdReads(line, {{"OS", "Windows_NT"}})); }

TEST(CmdArgument, APlainNameIsAsItIs) {
  EXPECT_EQ(fixer::CmdArgument("ASPNET"), "ASPNET");
  EXPECT_EQ(fixer::CmdArgument("aspnet_state"), "aspnet_state");
  EXPECT_EQ(fixer::CmdArgument("IUSR_XPPRO"), "IUSR_XPPRO");
}

TEST(CmdArgument, ABlankOrACmdCharacterIsQuoted) {
  EXPECT_EQ(fixer::CmdArgument("web worker"), "\"web worker\"");
  EXPECT_EQ(fixer::CmdArgument("a&b"), "\"a&b\"");
  EXPECT_EQ(fixer::CmdArgument("a^b"), "\"a^b\"");
  EXPECT_EQ(fixer::CmdArgument("My Svc"), "\"My Svc\"");
  EXPECT_EQ(fixer::CmdArgument(""), "\"\"");
}

TEST(CmdArgument, APercentOrAQuoteStandsOutsideTheQuotes) {
  EXPECT_EQ(fixer::CmdArgument("50%off"), "\"50\"^%\"off\"");
  EXPECT_EQ(fixer::CmdArgument("say \"hi\""), "\"say \"\\^\"\"hi\"\\^\"");
}

// Each name typed in `net user NAME * /add` reaches net as one argument, itself.
TEST(CmdArgument, EveryNameComesBackWholeThroughCmdAndArgv) {
  for (const std::string name : {"ASPNET", "web worker", "a&b", "a^b", "a&&b|c", "x (y)", "%OS%", "a %OS% b", "50%",
                                 "%", "q\"uote", "\"", "a\\", "a\\\"b", "tab\there", "!bang!", "a,b;c=d", "' `~+"}) {
    const std::vector<std::string> argv = Typed("net user " + fixer::CmdArgument(name) + " * /add");
    ASSERT_EQ(argv.size(), 5u) << name << " as " << fixer::CmdArgument(name);
    EXPECT_EQ(argv[2], name) << "typed as " << fixer::CmdArgument(name);
    EXPECT_EQ(argv[3], "*");
    EXPECT_EQ(argv[4], "/add");
  }
}

// What the advice said before: a blank splits the name, & runs the rest as a command of its own.
TEST(CmdArgument, UnquotedTheNameWouldNotComeBack) {
  EXPECT_NE(Typed("net user web worker * /add")[2], "web worker");
  EXPECT_EQ(Typed("net user a&b * /add"), (std::vector<std::string>{"net", "user", "a"}));
  EXPECT_EQ(Typed("net user %OS% * /add")[2], "Windows_NT");
  EXPECT_EQ(Typed("runas /profile /user:" + fixer::CmdArgument("web worker") + " cmd.exe")[2], "/user:web worker");
}

}  // namespace
