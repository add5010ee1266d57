// The shared load result (fakes/load_result.h): an error never prints a column past its line's
// end or a raw control byte, whatever the input; one rule for YAML booleans; and a power loss
// right after a call (FaultKind::kCrashAfter) keeps that call's change.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/fresh_install.h"
#include "fakes/load_result.h"
#include "fakes/machine.h"
#include "fakes/machine_yaml.h"
#include "fakes/scm.h"
#include "fixer/quoted_value.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;

bool Printable(const std::string& s) {
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\n') || c == 0x7f) return false;
  return true;
}

// The error LoadMachineFile gives for a file holding `text` byte for byte, written in the test's
// temporary folder as `name` (removed again); `path` receives its path. Empty if it loaded.
std::string LoadErrorOfFile(const std::string& name, const char* text, std::string& path) {
  path = testing::TempDir() + "/" + name;
  if (std::FILE* f = std::fopen(path.c_str(), "wb")) {  // else the load fails as "cannot read"
    std::fputs(text, f);
    std::fclose(f);
  }
  auto loaded = fakes::LoadMachineFile(path);
  std::remove(path.c_str());
  return loaded.ok() ? std::string() : loaded.error->ToString();
}

TEST(LoadError, ShowsAQuotedEscapedExcerptOfTheLine) {
  fakes::LoadError e{"m.yaml", 2, 7, "seed: expected an integer, got 'x'"};
  fakes::AttachSource(e, "os: windows-xp-professional\nseed: x\n");
  EXPECT_EQ(e.ToString(), "m.yaml:2:7: seed: expected an integer, got 'x'\n    near: \"seed: x\"");
}

TEST(LoadError, AColumnPastTheLineEndIsBroughtBackToIt) {
  fakes::LoadError e{"m.yaml", 1, 400, "bad"};
  fakes::AttachSource(e, "abc\ndef\n");
  EXPECT_EQ(e.column, 4);  // just after "abc"
  EXPECT_EQ(e.ToString(), "m.yaml:1:4: bad\n    near: \"abc\"");
  fakes::LoadError past{"m.yaml", 9, 3, "end of input"};
  fakes::AttachSource(past, "abc\ndef");
  EXPECT_EQ(past.line, 2);
  EXPECT_EQ(past.column, 3);
}

// The parser ends a line at LF, CR LF or a lone CR (YAML's line breaks); the excerpt counts lines
// the same way, so the line it quotes is the one the position names (a lone CR quoted the next
// LF line, or none past the last).
TEST(LoadError, TheExcerptCountsLinesAsTheParserDoes) {
  const std::string text = "summary: x\nmachine:\n  os: windows-xp-pro\rfessional\r\nseed: 1\n";
  fakes::LoadError e{"s.yaml", 4, 1, "expected 'key: value' here"};
  fakes::AttachSource(e, text);
  EXPECT_EQ(e.ToString(), "s.yaml:4:1: expected 'key: value' here\n    near: \"fessional\"");
  fakes::LoadError after{"s.yaml", 5, 1, "bad"};
  fakes::AttachSource(after, text);
  EXPECT_EQ(after.source_line, "seed: 1");
  // A whole file with a lone CR: the error's line holds the text it names.
  std::string path;
  const std::string said = LoadErrorOfFile("cr.yaml", "os: windows-xp-pro\rfessional\nseed: 1\n", path);
  EXPECT_THAT(said, HasSubstr("cr.yaml:2:")) << said;
  EXPECT_THAT(said, HasSubstr("near: \"fessional\"")) << said;
}

// C1 controls are control characters as C0 ones are (YAML prints neither): refused with their
// code point; the letters and spaces around them in the same UTF-8 range are text.
TEST(LoadError, AC1ControlCharacterIsATextProblem) {
  EXPECT_EQ(fakes::TextProblem("a\xC2\x85"
                               "b"),
            "control character U+0085 in text");
  EXPECT_EQ(fakes::TextProblem("\xC2\x80"), "control character U+0080 in text");
  EXPECT_EQ(fakes::TextProblem("\xC2\x9F"), "control character U+009F in text");
  EXPECT_EQ(fakes::TextProblem("caf\xC3\xA9 \xC2\xA0 \xC2\xA9"), std::nullopt);  // é, no-break space, ©
}

// YAML 1.2's printable set has no U+FFFE or U+FFFF; no noncharacter is a name's; a bidi control
// reorders what a reader is shown after it (CVE-2021-42574): each refused with its code point, as
// a C1 control is. U+FFFD, the marks LRM and RLM, and a plane-1 character are text.
TEST(LoadError, ANoncharacterOrABidiControlIsATextProblem) {
  EXPECT_EQ(fakes::TextProblem("a\xEF\xBF\xBE"), "noncharacter U+FFFE in text");
  EXPECT_EQ(fakes::TextProblem("\xEF\xBF\xBF"), "noncharacter U+FFFF in text");
  EXPECT_EQ(fakes::TextProblem("\xEF\xB7\x90"), "noncharacter U+FDD0 in text");
  EXPECT_EQ(fakes::TextProblem("\xF4\x8F\xBF\xBF"), "noncharacter U+10FFFF in text");
  EXPECT_EQ(fakes::TextProblem("bob\xE2\x80\xAEtxt"), "bidirectional control character U+202E in text");
  EXPECT_EQ(fakes::TextProblem("\xE2\x81\xA6"), "bidirectional control character U+2066 in text");
  EXPECT_EQ(fakes::TextProblem("\xEF\xBF\xBD \xE2\x80\x8E \xE2\x80\x8F \xF0\x9F\x98\x80"), std::nullopt);
}

TEST(LoadError, ControlBytesAreNeverPrinted) {
  const std::string text = std::string("key\x01: \x1b[31mred\x7f\tx\r\n", 20);
  fakes::LoadError e{"s.yaml", 1, 2, std::string("unknown key 'key\x01'")};
  fakes::AttachSource(e, text);
  const std::string shown = e.ToString();
  EXPECT_TRUE(Printable(shown)) << shown;
  EXPECT_THAT(shown, HasSubstr("unknown key 'key\\x01'"));
  EXPECT_THAT(shown, HasSubstr("near: \"key\\x01: \\x1b[31mred\\x7f\\tx\""));
}

TEST(LoadError, BytesThatAreNotUtf8AreEscapedAndUtf8IsKept) {
  EXPECT_EQ(fakes::EscapeForMessage("caf\xc3\xa9 \xff"), "caf\xc3\xa9 \\xff");
  EXPECT_EQ(fakes::EscapeForMessage("C:\\a \"b\""), "C:\\a \"b\"");
  EXPECT_EQ(fakes::EscapeForMessage("C:\\a \"b\"", true), "C:\\\\a \\\"b\\\"");
}

TEST(LoadError, ALongLineIsCutAroundTheColumn) {
  const std::string line = std::string(200, 'a') + "HERE" + std::string(200, 'b');
  fakes::LoadError e{"m.yaml", 1, 201, "bad"};
  fakes::AttachSource(e, line);
  const std::string shown = e.ToString();
  EXPECT_THAT(shown, HasSubstr("...\"aaa"));
  EXPECT_THAT(shown, HasSubstr("HERE"));
  EXPECT_THAT(shown, HasSubstr("bbb\"..."));
  EXPECT_LT(shown.size(), 120u);
}

// A byte order mark opens the file, not its first line: the loaders count columns after it, and
// the excerpt shows the line as written, without the mark's invisible bytes inside the quotes.
TEST(LoadError, TheExcerptOfTheFirstLineLeavesOutAByteOrderMark) {
  fakes::LoadError e{"m.yaml", 1, 5, "os: expected a string, got a list"};
  fakes::AttachSource(e, "\xEF\xBB\xBFos: [a, b]\n");
  EXPECT_EQ(e.ToString(), "m.yaml:1:5: os: expected a string, got a list\n    near: \"os: [a, b]\"");
  fakes::LoadError second{"m.yaml", 2, 7, "bad"};
  fakes::AttachSource(second, "\xEF\xBB\xBFos: windows-xp-professional\nseed: x\n");
  EXPECT_EQ(second.ToString(), "m.yaml:2:7: bad\n    near: \"seed: x\"");
}

TEST(LoadError, TheMachineFileLoaderShowsTheFirstLineAfterAByteOrderMark) {
  std::string path;
  const std::string error = LoadErrorOfFile("load_result_test_bom.yaml", "\xEF\xBB\xBFos: [a, b]\n", path);
  EXPECT_EQ(error, path + ":1:5: os: expected a string, got a list\n    near: \"os: [a, b]\"");
}

TEST(LoadError, AFileLevelErrorHasNoPosition) {
  fakes::LoadError e{"m.yaml", 0, 0, "cannot read"};
  fakes::AttachSource(e, "anything");
  EXPECT_EQ(e.ToString(), "m.yaml: cannot read");
}

TEST(LoadError, TheMachineFileLoaderShowsTheExcerpt) {
  std::string path;
  const std::string error =
      LoadErrorOfFile("load_result_test_machine.yaml", "os: windows-xp-professional\nseed: \x01x\n", path);
  ASSERT_FALSE(error.empty()) << "it loaded";
  EXPECT_TRUE(Printable(error)) << error;
  EXPECT_THAT(error, HasSubstr("near: \"seed: \\x01x\""));
}

TEST(YamlBool, OneRuleForBothReaders) {
  for (const char* t : {"true", "True", "TRUE", "yes", "Yes"}) EXPECT_EQ(fakes::YamlBool(t), true) << t;
  for (const char* f : {"false", "False", "no", "NO"}) EXPECT_EQ(fakes::YamlBool(f), false) << f;
  for (const char* x : {"on", "off", "1", "0", "y", "n", "", "truth"}) EXPECT_EQ(fakes::YamlBool(x), std::nullopt) << x;
}

TEST(YamlBool, TheMachineFileLoaderFollowsTheSameRule) {
  for (const char* word : {"true", "TRUE", "yes", "No", "false", "on", "off", "1", "y"}) {
    auto loaded = fakes::LoadMachineText(std::string("policy:\n  limit_blank_password_use: ") + word + "\n", "m.yaml");
    const std::optional<bool> rule = fakes::YamlBool(word);
    ASSERT_EQ(loaded.ok(), rule.has_value()) << word;
    if (rule) {
      EXPECT_EQ(loaded.value->lsa.limit_blank_password_use, *rule) << word;
    }
  }
}

fixer::StartType StartTypeOf(fakes::Machine& m, const std::string& name) {
  return fakes::Scm(m).Find(name)->start_type;
}

TEST(CrashAfter, TheNthChangeIsMadeAndThePowerGoesBeforeTheNext) {
  fakes::Machine m(fakes::FreshInstall({}));
  fakes::FaultPlan plan;
  plan.Add({.nth = 1, .kind = fakes::FaultKind::kCrashAfter});
  m.set_faults(plan);
  fakes::Scm scm(m);
  ASSERT_TRUE(scm.SetStartType("W3SVC", fixer::StartType::kManual).ok());  // call 1: made
  EXPECT_EQ(StartTypeOf(m, "W3SVC"), fixer::StartType::kManual);
  try {
    (void)scm.SetStartType("W3SVC", fixer::StartType::kDisabled);
    ADD_FAILURE() << "no power loss";
  } catch (const fakes::PowerLoss& loss) {
    EXPECT_EQ(loss.call(), 1u);
    EXPECT_THAT(std::string(loss.what()), HasSubstr("right after mutating call 1 (scm.config)"));
  }
  EXPECT_EQ(StartTypeOf(m, "W3SVC"), fixer::StartType::kManual);
  EXPECT_EQ(m.faults().calls(), 1u);
}

TEST(CrashAfter, ACrashBeforeTheCallKeepsNothingOfIt) {
  fakes::Machine m(fakes::FreshInstall({}));
  fakes::FaultPlan plan;
  plan.Add({.nth = 1, .kind = fakes::FaultKind::kCrash});
  m.set_faults(plan);
  EXPECT_THROW((void)fakes::Scm(m).SetStartType("W3SVC", fixer::StartType::kManual), fakes::PowerLoss);
  EXPECT_EQ(StartTypeOf(m, "W3SVC"), fixer::StartType::kAutomatic);
}

TEST(CrashAfter, APowerLossDueAfterTheLastCallIsThrownAtTheEnd) {
  fakes::Machine m(fakes::FreshInstall({}));
  fakes::FaultPlan plan;
  plan.Add({.op = "scm.config", .nth = 1, .kind = fakes::FaultKind::kCrashAfter});
  m.set_faults(plan);
  ASSERT_TRUE(fakes::Scm(m).SetStartType("W3SVC", fixer::StartType::kManual).ok());
  EXPECT_THROW(m.faults().PowerLossIfPending(), fakes::PowerLoss);
  EXPECT_NO_THROW(m.faults().PowerLossIfPending());  // once
}

}  // namespace

namespace {

// An error's excerpt quotes the line: a password, an LSA secret, a hash or what the user types
// on it is shown as ******** (it reached stderr, --json, and the JUnit and HTML reports), in
// either form of key, and a message quoting the value loses it too.
TEST(LoadErrorSecrets, ASecretOnTheLineNeverReachesTheExcerptOrTheMessage) {
  const std::vector<std::pair<std::string, std::string>> lines = {
      {"  alice: {password: 'Wonder1and!Secret', bogus: 1}", "  alice: {password: ********, bogus: 1}"},
      {"  alice: {password: Wonder1and!Secret}", "  alice: {password: ********}"},
      {R"(  {"password": "Wonder1and!Secret", "bogus": 1})", R"(  {"password": ********, "bogus": 1})"},
      {"    L$X: {clear: Wonder1and!Secret, stored: 0a0b}", "    L$X: {clear: ********, stored: ********}"},
      {"  - fixer: {temp_password: \"Wonder1and!Secret\", x: 1}", "  - fixer: {temp_password: ********, x: 1}"},
      {"  - legacy: {answer: Wonder1and!Secret}", "  - legacy: {answer: ********}"},
      {"    password_history: [aa, Wonder1and!Secret]  # two", "    password_history: ********  # two"},
  };
  for (const auto& [line, shown] : lines) {
    fakes::LoadError e{.file = "m.yaml", .line = 2, .column = 3, .message = "got 'Wonder1and!Secret'"};
    fakes::AttachSource(e, "os: x\n" + line + "\n");
    EXPECT_EQ(e.source_line, shown) << line;
    EXPECT_EQ(e.ToString().find("Wonder1and!Secret"), std::string::npos) << e.ToString();
  }
  // A key that only ends in a secret key's name is no secret key.
  fakes::LoadError e{.file = "m.yaml", .line = 1, .column = 1, .message = "m"};
  fakes::AttachSource(e, "  my_password_note: visible\n");
  EXPECT_EQ(e.source_line, "  my_password_note: visible");
}

// A message loses a secret by the one rule (fixer::MaskedSecret): a short one (1 or 2
// characters were shown) where it stands as a word, a long one wherever it stands, glued inside a
// word or a path too; the secret's characters are matched as written, never as a pattern.
TEST(LoadErrorSecrets, AMessageMasksASecretByTheOneRule) {
  struct Case {
    std::string secret, message, shown;
  };
  const std::vector<Case> cases = {
      {"ab", "got 'ab': expected a list", "got '********': expected a list"},
      {"e", "got 'e': expected a list", "got '********': expected a list"},
      {"Wonder1and!Secret", "no user 'xWonder1and!Secretx'", "no user 'x********x'"},
      {"Wonder1and!Secret", R"(C:\Wonder1and!Secret\x: not found)", R"(C:\********\x: not found)"},
      {"a.b*(c)$1", "got 'a.b*(c)$1', not 'axb*(c)$1'", "got '********', not 'axb*(c)$1'"},
  };
  for (const Case& c : cases) {
    fakes::LoadError e{.file = "m.yaml", .line = 2, .column = 3, .message = c.message};
    fakes::AttachSource(e, "os: x\n  alice: {password: '" + c.secret + "', bogus: 1}\n");
    EXPECT_EQ(e.message, c.shown) << c.secret;
    EXPECT_EQ(e.source_line, "  alice: {password: ********, bogus: 1}") << c.secret;
  }
}

// A message quotes a long value cut (fixer::QuotedValue): a secret that long loses its shown part
// too, which the whole value did not match.
TEST(LoadErrorSecrets, ALongSecretIsMaskedAsAMessageQuotesIt) {
  const std::string secret = "Wonder1and!" + std::string(100, 's');
  fakes::LoadError e{.file = "m.yaml", .line = 2, .column = 3, .message = "got " + fixer::QuotedValue(secret)};
  fakes::AttachSource(e, "os: x\n  alice: {password: " + secret + ", bogus: 1}\n");
  EXPECT_EQ(e.ToString().find("Wonder1and!"), std::string::npos) << e.ToString();
  EXPECT_THAT(e.message, HasSubstr("got '********'..."));
}

// The column follows the masked excerpt: after a value, by what the value lost; inside one, at
// its start. It pointed past the end of the shorter excerpt (found by fuzz_scenario).
TEST(LoadErrorSecrets, TheColumnStaysOnTheMaskedLine) {
  const std::string line = "  - logon: {user: carol, password: 'Tulip#2003pass', type: x:";
  fakes::LoadError after{.file = "s.yaml", .line = 1, .column = static_cast<int>(line.size()), .message = "m"};
  fakes::AttachSource(after, line);
  EXPECT_EQ(after.source_line, "  - logon: {user: carol, password: ********, type: x:");
  EXPECT_EQ(after.column, static_cast<int>(after.source_line.size()));
  fakes::LoadError inside{.file = "s.yaml", .line = 1, .column = 40, .message = "m"};
  fakes::AttachSource(inside, line);
  EXPECT_EQ(inside.column, 36);  // where ******** starts
}

// policy's `password:` is a map of settings, no secret: its line is shown whole and the column
// stays on the value at fault (it moved to the map's start, the excerpt cut at its first comma).
TEST(LoadErrorSecrets, APasswordPolicyMapIsShownAsItIs) {
  const std::string line = "  password: {min_length: 15, complexity: maybe}";
  fakes::LoadError e{.file = "p.yaml", .line = 1, .column = 26, .message = "policy.password.min_length: at most 14"};
  fakes::AttachSource(e, line);
  EXPECT_EQ(e.source_line, line);
  EXPECT_EQ(e.column, 26);
  // A secret inside such a map is still masked by its own key.
  fakes::LoadError inner{.file = "p.yaml", .line = 1, .column = 1, .message = "m"};
  fakes::AttachSource(inner, "  x: {password: {history: 1}, temp_password: Wonder1and!Secret}");
  EXPECT_EQ(inner.source_line, "  x: {password: {history: 1}, temp_password: ********}");
}

}  // namespace

// A secret of the document that stands on the excerpt's line where no secret belongs (bob's
// password typed as a framework's version) is masked there by the one rule, as the message beside
// it masks it (audit 21 item 6); the column moves with it.
TEST(LoadErrorSecrets, TheExcerptMasksADocumentsSecretWhereverItStands) {
  const std::string text = "accounts:\n  bob: {password: 'Zebra#42'}\nframeworks: [1.0, 'Zebra#42']\n";
  fakes::LoadError e{
      .file = "le.yaml", .line = 3, .column = 19, .message = "frameworks[2]: unknown framework version 'Zebra#42'"};
  fakes::AttachSource(e, text);
  EXPECT_EQ(e.source_line, "frameworks: [1.0, '********']");
  EXPECT_EQ(e.column, 19);
  EXPECT_EQ(e.ToString().find("Zebra#42"), std::string::npos) << e.ToString();
  // Beside a key the loader refuses: the other account's full_name holds bob's password.
  fakes::LoadError other{.file = "le3.yaml", .line = 3, .column = 45, .message = "unknown key 'bogus'"};
  fakes::AttachSource(other,
                      "accounts:\n  bob: {password: 'Zebra#42'}\n  alice: {password: 'x', full_name: "
                      "'Zebra#42', bogus: 1}\n");
  EXPECT_EQ(other.ToString().find("Zebra#42"), std::string::npos) << other.ToString();
  EXPECT_THAT(other.source_line, HasSubstr("full_name: '********'"));
}
