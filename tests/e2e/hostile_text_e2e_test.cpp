// Hostile text reaching every output, as real processes: a scenario file whose name holds an ESC
// sequence, a C1 control (U+009B, CSI), a noncharacter (U+FFFE) and a Latin-1 byte, whose batch
// file prints the same, and whose texts hold markup (`<script>`, `&`, `]]>`, quotes, `--`). No
// output sends a character a terminal obeys or XML 1.0 forbids: the text report, standard error,
// `legacy`'s console, the JUnit XML (XML 1.0's characters only), the HTML page (no markup let
// through) and the JSON (one object). A failing run says the command that runs it again.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fixer/utf8.h"
#include "support/run_program.h"
#include "support/source_tree.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;
namespace fs = std::filesystem;

// ESC sequence, CSI as a C1 control, a noncharacter, a Latin-1 e-acute.
const std::string kHostileName =
    "evil\x1b[2J\xc2\x9b"
    "31m\xef\xbf\xbe\xe9.yaml";
constexpr const char* kMarkup = "<script>alert(1)</script> & \\\"q\\\" 'a' ]]> -- caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87";

// Where `text` holds a character no reader should be sent raw: a C0 control but tab and line
// feed, DEL, a C1 control, a noncharacter, or bytes that are not UTF-8. npos when none.
size_t FirstUnshowable(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    if (text[i] == '\n' || text[i] == '\t') {
      ++i;
      continue;
    }
    const size_t len = fixer::ShowableLength(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string::npos;
}

// XML 1.0's Char production, over UTF-8: tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD, U+10000 up.
// A parser (expat, libxml2) refuses a document holding any other character.
bool OnlyXmlCharacters(const std::string& xml) {
  for (size_t i = 0; i < xml.size();) {
    const auto c = static_cast<unsigned char>(xml[i]);
    const size_t len = fixer::Utf8SequenceLength(xml, i);
    if (len == 0) return false;
    if (len == 1 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
    if (len == 3 && xml.compare(i, 2, "\xef\xbf") == 0 && static_cast<unsigned char>(xml[i + 2]) >= 0xbe) return false;
    i += len;
  }
  return true;
}

class HostileTextE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(dir_.path() / "evil.cmd", std::ios::binary) << "@echo off\r\necho \x1b]0;pwned\x07 \xc2\x9b"
                                                                 "2J \xef\xbf\xbe \xe9 done\r\n";
    std::ofstream(dir_.path() / kHostileName)
        << "name: \"" << kMarkup << "\"\nsummary: \"" << kMarkup << "\"\nmachine:\n  os: windows-xp-professional\n"
        << "  accounts:\n    carol: {password: 'Carol#Secret2003', full_name: \"" << kMarkup << "\"}\n"
        << "steps:\n  - legacy: {script: evil.cmd}\n    expect:\n      output_contains: \"" << kMarkup << "\"\n"
        << "      account: {name: carol, disabled: true}\n";
  }

  Ran Sim(const std::vector<std::string>& args) {
    return test_support::RunProgram(
        {.program = FIXUP_SIM_BIN, .args = args, .cwd = dir_.path(), .unset = {"NO_COLOR"}});
  }

  const test_support::TempFolder dir_{"hostile_text_e2e"};
};

TEST_F(HostileTextE2e, NoReportSendsACharacterATerminalObeysOrXmlForbids) {
  const Ran r = Sim({"run", kHostileName, "-v", "--junit", "r.xml", "--html", "r.html"});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  const std::string xml = dir_.Read("r.xml"), html = dir_.Read("r.html");
  for (const auto& [what, shown] :
       {std::pair<std::string, std::string>{"text", r.out}, {"stderr", r.err}, {"junit", xml}, {"html", html}})
    EXPECT_EQ(FirstUnshowable(shown), std::string::npos)
        << what << " sends it raw at " << FirstUnshowable(shown) << ":\n"
        << shown.substr(0, 4000);
  EXPECT_TRUE(OnlyXmlCharacters(xml)) << xml;
  // Each character shown, byte by byte, where it was.
  EXPECT_NE(r.out.find("evil\\x1b[2J\\xc2\\x9b31m\\xef\\xbf\\xbe\\xe9.yaml"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\\x1b]0;pwned\\x07 \\xc2\\x9b2J \\xef\\xbf\\xbe \\xe9 done"), std::string::npos) << r.out;
  // Markup is text: escaped in the XML and the page, never a tag.
  for (const std::string& markup : {xml, html}) {
    EXPECT_EQ(markup.find("<script"), std::string::npos);
    EXPECT_EQ(markup.find("]]>"), std::string::npos);
    EXPECT_NE(markup.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; "), std::string::npos);
  }
  EXPECT_NE(r.out.find("caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87"), std::string::npos) << "UTF-8 text is shown as it is";
  for (const std::string& shown : {r.out, r.err, xml, html})
    EXPECT_EQ(shown.find("Carol#Secret2003"), std::string::npos);
}

TEST_F(HostileTextE2e, TheJsonReportIsOneObjectHoldingTheTextsAsGiven) {
  const Ran r = Sim({"run", kHostileName, "--json"});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(j.is_object()) << r.out;
  EXPECT_EQ(j["scenarios"][0]["summary"],
            "<script>alert(1)</script> & \"q\" 'a' ]]> -- caf\xc3\xa9 \xe4\xb8\xad\xe6\x96\x87");
  EXPECT_EQ(r.out.find("Carol#Secret2003"), std::string::npos);
}

// A failing scenario's summary line is followed by the command that runs it again, verbose, with
// the run's seed (the HTML page's section too); that command, run as printed, shows the failure.
TEST_F(HostileTextE2e, AFailureSaysTheCommandThatRunsItAgain) {
  std::ofstream(dir_.path() / "my story.yaml")
      << "summary: s\nmachine:\n  os: windows-xp-professional\nsteps:\n  - expect: {account: {name: nobody}}\n";
  const Ran r = Sim({"run", "my story.yaml", "--seed", "7", "--html", "r.html"});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(dir_.Read("r.html").find("rerun: <code>fixup-sim run &#39;my story.yaml&#39; -v --seed 7</code>"),
            std::string::npos);
  EXPECT_NE(r.out.find("failed: my story.yaml\n  rerun: fixup-sim run 'my story.yaml' -v --seed 7\n"),
            std::string::npos)
      << r.out;
  const Ran again = Sim({"run", "my story.yaml", "-v", "--seed", "7"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.out.find("FAIL my story.yaml:5:"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find(": account nobody: expected an account, got no such account"), std::string::npos)
      << again.out;
  // A green run says no more than one line per scenario and the summary.
  std::ofstream(dir_.path() / "green.yaml") << "summary: s\nmachine:\n  os: windows-xp-professional\n";
  const Ran green = Sim({"run", "green.yaml"});
  EXPECT_EQ(green.exit_code, 0);
  EXPECT_EQ(green.out.find("rerun"), std::string::npos) << green.out;
}

// `--no-invariants` decides an `invariant:` expectation (it cannot be evaluated when none was
// checked), so the rerun command keeps it: pasted, it fails again, in the text, JUnit and HTML alike.
TEST_F(HostileTextE2e, TheRerunCommandKeepsNoInvariants) {
  std::ofstream(dir_.path() / "inv.yaml")
      << "summary: s\nmachine:\n  frameworks: [1.0]\n  hotfixes: [MS03-032]\n  applications:\n"
         "    - path: /LM/W3SVC/1/ROOT/shop\nsteps:\n  - fixer: apply\n    expect: {invariant: site}\n";
  const Ran r = Sim({"run", "inv.yaml", "--no-invariants", "--seed", "3", "--junit", "j.xml", "--html", "r.html"});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  const std::string rerun = "fixup-sim run inv.yaml -v --seed 3 --no-invariants";
  EXPECT_NE(r.out.find("rerun: " + rerun + "\n"), std::string::npos) << r.out;
  EXPECT_NE(dir_.Read("j.xml").find("rerun: " + rerun), std::string::npos);
  EXPECT_NE(dir_.Read("r.html").find("rerun: <code>" + rerun + "</code>"), std::string::npos);
  EXPECT_EQ(Sim({"run", "inv.yaml", "-v", "--seed", "3", "--no-invariants"}).exit_code, 1);
  EXPECT_EQ(Sim({"run", "inv.yaml", "-v", "--seed", "3"}).exit_code, 0) << "checked, the invariant holds";
}

// The rerun command of a failing scenario whose file name holds a byte no reader can see (a tab, a
// line end, ESC, DEL, a lone CR), quotes, `$`, backquotes, `!` or non-ASCII text, pasted into
// bash as printed, names that file: it runs it again, and the words it gives are the file's.
TEST_F(HostileTextE2e, EveryRerunCommandPastedIntoBashNamesItsFile) {
  const std::vector<std::string> names = {"tab\there.yaml", "new\nline.yaml", "esc\x1b[2J.yaml",
                                          "del\x7f.yaml",   "lone\rcr.yaml",  "q'\"$HOME`id`!! caf\xc3\xa9.yaml"};
  fs::create_directory(dir_.path() / "names");
  for (const std::string& name : names)
    std::ofstream(dir_.path() / "names" / name)
        << "summary: s\nmachine:\n  os: windows-xp-professional\nsteps:\n  - expect: {account: {name: nobody}}\n";
  const Ran r = Sim({"run", "names", "--seed", "5"});
  ASSERT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(FirstUnshowable(r.out), std::string::npos) << r.out;
  std::vector<std::string> named;
  for (size_t at = r.out.find("rerun: "); at != std::string::npos; at = r.out.find("rerun: ", at + 1)) {
    const std::string rerun = r.out.substr(at + 7, r.out.find('\n', at) - at - 7);
    // The words bash makes of it, one per NUL; then the command itself, run.
    const Ran words = test_support::RunProgram(
        {.program = "bash", .args = {"-c", "fixup-sim() { printf '%s\\0' \"$@\"; }; " + rerun}});
    ASSERT_EQ(words.exit_code, 0) << rerun << ": " << words.err;
    std::vector<std::string> argv;
    for (size_t b = 0, e; (e = words.out.find('\0', b)) != std::string::npos; b = e + 1)
      argv.push_back(words.out.substr(b, e - b));
    ASSERT_EQ(argv.size(), 5u) << rerun;
    EXPECT_EQ(argv, (std::vector<std::string>{"run", argv[1], "-v", "--seed", "5"})) << rerun;
    named.push_back(argv[1]);
    const Ran again = test_support::RunProgram({.program = "bash",
                                                .args = {"-c", "fixup-sim() { \"$SIM\" \"$@\"; }; " + rerun},
                                                .cwd = dir_.path(),
                                                .set = {{"SIM", FIXUP_SIM_BIN}}});
    EXPECT_EQ(again.exit_code, 1) << rerun << ": " << again.out << again.err;
    EXPECT_NE(again.out.find(": account nobody: expected an account, got no such account"), std::string::npos)
        << rerun << ": " << again.out << again.err;
  }
  std::vector<std::string> expected;
  for (const std::string& name : names) expected.push_back("names/" + name);
  std::sort(expected.begin(), expected.end());
  std::sort(named.begin(), named.end());
  EXPECT_EQ(named, expected) << r.out;
}

// A file name quoted in an error on standard error (a load error, a file that cannot be opened or
// written) is escaped there too, in both tools.
TEST_F(HostileTextE2e, AFileNameInAnErrorCannotCommandTheTerminal) {
  std::ofstream(dir_.path() / ("bad" + kHostileName)) << "os: [\n";
  const std::vector<test_support::Call> calls = {
      {.program = FIXUP_SIM_BIN, .args = {"show", "bad" + kHostileName}},
      {.program = FIXUP_SIM_BIN, .args = {"run", "missing" + kHostileName}},
      {.program = FIXUP_SIM_BIN, .args = {"run", kHostileName, "--junit", "no-such-folder/" + kHostileName}},
      {.program = ASPNET_FIXER_BIN, .args = {"diagnose", "--machine", "bad" + kHostileName}},
      {.program = ASPNET_FIXER_BIN, .args = {"diagnose", "--machine", "missing" + kHostileName}},
  };
  for (test_support::Call call : calls) {
    call.cwd = dir_.path();
    const Ran r = test_support::RunProgram(call);
    EXPECT_EQ(r.exit_code, 2) << call.args[0] << ": " << r.err;
    EXPECT_NE(r.err.find("evil\\x1b[2J\\xc2\\x9b31m\\xef\\xbf\\xbe\\xe9.yaml"), std::string::npos) << r.err;
    EXPECT_EQ(FirstUnshowable(r.err), std::string::npos) << call.args[0] << ": " << r.err;
  }
}

// `fixup-sim legacy` shows the batch file's console as it runs: an ESC it prints is shown, not sent.
TEST_F(HostileTextE2e, LegacysConsoleShowsWhatTheBatchFilePrinted) {
  std::ofstream(dir_.path() / "m.yaml") << "os: windows-xp-professional\n";
  const Ran r = Sim({"legacy", "m.yaml", "--script", "evil.cmd"});
  EXPECT_NE(r.out.find("\\x1b]0;pwned\\x07 \\xc2\\x9b2J \\xef\\xbf\\xbe \\xe9 done"), std::string::npos) << r.out;
  EXPECT_EQ(FirstUnshowable(r.out), std::string::npos) << r.out;
}

// The suite's own scenarios hold such texts (scenarios/support/markup-and-escapes-are-shown-as-text.yaml):
// the whole suite's reports, verbose, hold only what a terminal and an XML parser take.
TEST_F(HostileTextE2e, TheWholeSuitesReportsHoldOnlyShowableText) {
  const Ran r = Sim({"run", test_support::ScenariosFolder().string(), "-v", "--junit", "r.xml", "--html", "r.html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string xml = dir_.Read("r.xml"), html = dir_.Read("r.html");
  for (const std::string& shown : {r.out, xml, html}) {
    const size_t at = FirstUnshowable(shown);
    EXPECT_EQ(at, std::string::npos) << shown.substr(at > 200 ? at - 200 : 0, 400);
  }
  EXPECT_TRUE(OnlyXmlCharacters(xml));
  EXPECT_NE(r.out.find("before \\x1b[2J\\x1b]0;title\\x07 \\xc2\\x9b31m \\xef\\xbf\\xbe after"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;markup&lt;/b&gt; &amp; &quot;quotes&quot; -- caf\xc3\xa9"), std::string::npos);
}

}  // namespace
