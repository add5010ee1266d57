// A load error's excerpt and message never quote a registry value's data (aspnet_setreg's
// userName and password, Winlogon's DefaultPassword, any name), in flow or block style, YAML or
// JSON, nor a secret continued on a line below its key (fakes/src/excerpt_secrets.h).
#include <gtest/gtest.h>

#include <string>

#include "fakes/load_result.h"
#include "fakes/machine_yaml.h"

namespace {

// The error of loading `text` as a machine file, with its excerpt, as the tools print it.
fakes::LoadError LoadError(const std::string& text) {
  auto loaded = fakes::LoadMachineText(text, "m.yaml");
  EXPECT_FALSE(loaded.ok()) << text;
  if (loaded.ok()) return {};
  fakes::AttachSource(*loaded.error, text);
  return *loaded.error;
}

// The excerpt of line `line` (1-based) of `text` for an error at `column` quoting `quoted`.
fakes::LoadError ErrorOn(const std::string& text, int line, int column = 1, const std::string& quoted = "") {
  fakes::LoadError e{.file = "m.yaml", .line = line, .column = column, .message = "got '" + quoted + "'"};
  fakes::AttachSource(e, text);
  return e;
}

constexpr const char* kSecrets[] = {"s3cretPwd", "webworker", "W3b-Worker-2003", "Adm1nPass", "Wonder1and!Secret"};

void ExpectNoSecret(const fakes::LoadError& e) {
  for (const char* secret : kSecrets) EXPECT_EQ(e.ToString().find(secret), std::string::npos) << e.ToString();
}

TEST(ExcerptSecrets, EveryValueOfARegistryKeyIsMaskedOnItsLineWithItsNameShown) {
  // An unknown principal on the line: the loader's own error, its excerpt quoting the line.
  const fakes::LoadError e = LoadError(
      "objects:\n"
      "  - {registry: 'HKLM\\S', acl: [{allow: Nobody, mask: full}], values: {Pwd: s3cretPwd}}\n");
  EXPECT_EQ(e.source_line, "  - {registry: 'HKLM\\S', acl: [{allow: Nobody, mask: full}], values: {Pwd: ********}}");
  ExpectNoSecret(e);
  const fakes::LoadError json =
      ErrorOn(R"({"objects": [{"registry": "HKLM\\S", "values": {"userName": "webworker", "Pwd": "s3cretPwd"}}]})", 1);
  EXPECT_EQ(json.source_line,
            R"({"objects": [{"registry": "HKLM\\S", "values": {"userName": ********, "Pwd": ********}}]})");
  ExpectNoSecret(json);
}

TEST(ExcerptSecrets, ABlockStyleValuesMapIsMaskedFromTheKeyAboveIt) {
  const std::string text =
      "os: windows-xp-professional\n"
      "objects:\n"
      "  - registry: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon'\n"
      "    values:\n"
      "      AutoAdminLogon: '1'\n"
      "      DefaultPassword: Adm1nPass\n"
      "      DefaultPassword: s3cretPwd, with a comma  # a comment\n";
  const fakes::LoadError e = LoadError(text);  // a duplicate key, on the last line
  EXPECT_EQ(e.line, 7);
  EXPECT_EQ(e.source_line, "      DefaultPassword: ********  # a comment");
  ExpectNoSecret(e);
  EXPECT_EQ(ErrorOn(text, 6).source_line, "      DefaultPassword: ********");
  EXPECT_EQ(ErrorOn(text, 3).source_line,
            "  - registry: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon'");
}

// Data continued on lines of its own: a block scalar, a flow map over two lines, JSON as `show
// --format json` writes it, a password or a password history over two lines.
TEST(ExcerptSecrets, ASecretContinuedBelowItsKeyIsMaskedWhole) {
  const std::string block = "objects:\n  - registry: 'HKLM\\S'\n    values:\n      Pwd: |\n        s3cretPwd\n";
  EXPECT_EQ(ErrorOn(block, 5, 12, "s3cretPwd").source_line, "        ********");
  ExpectNoSecret(ErrorOn(block, 5, 12, "s3cretPwd"));
  const std::string flow =
      "objects:\n  - {registry: 'HKLM\\S', values: {userName: webworker,\n      Pwd: s3cretPwd}}\n";
  EXPECT_EQ(ErrorOn(flow, 3).source_line, "      Pwd: ********}}");
  const std::string json = "{\n  \"objects\": [\n    {\n      \"values\": {\n        \"Pwd\": \"s3cretPwd\"\n      }\n";
  EXPECT_EQ(ErrorOn(json, 5).source_line, "        \"Pwd\": ********");
  const std::string password = "accounts:\n  alice:\n    password: Wonder1and!\n      Secret\n";
  EXPECT_EQ(ErrorOn(password, 4).source_line, "      ********");
  // Text below a block scalar is text, even where it reads as a key; a value is no key either.
  const std::string folded = "accounts:\n  alice:\n    password: >\n      Wonder1and: Secret\n";
  EXPECT_EQ(ErrorOn(folded, 4).source_line, "      ********");
  EXPECT_EQ(ErrorOn("  - legacy: {answer: Wonder1and: Secret}\n", 1).source_line, "  - legacy: {answer: ********}");
  const std::string history = "accounts:\n  alice:\n    password_history: [aa,\n      Wonder1and!Secret]\n";
  const fakes::LoadError e = ErrorOn(history, 4, 1, "Wonder1and!Secret");
  EXPECT_EQ(e.source_line, "      ********]");  // the parse knows where the history's item ends
  ExpectNoSecret(e);
}

// A scenario's command line shows as the console shows it: the password `net user` sets masked,
// the rest (the account's name, the switches) kept, in either form of the step.
TEST(ExcerptSecrets, APasswordOnACommandLineIsMaskedAsTheConsoleMasksIt) {
  const std::string text =
      "steps:\n"
      "  - command: net user bob Bob-Passw0rd2\n"
      "    expect: {errorlevel: {code: x}}\n"
      "  - command: {line: 'net user frank Frank-Pw-2003 /add', bogus: 1}\n"
      "  - command: dir C:\\\n";
  const fakes::LoadError plain = ErrorOn(text, 2, 1, "Bob-Passw0rd2");
  EXPECT_EQ(plain.source_line, "  - command: net user bob ********");
  EXPECT_EQ(plain.ToString().find("Bob-Passw0rd2"), std::string::npos) << plain.ToString();
  const fakes::LoadError map = ErrorOn(text, 4, 58);
  EXPECT_EQ(map.source_line, "  - command: {line: 'net user frank ******** /add', bogus: 1}");
  EXPECT_EQ(map.column, 53);  // still on 'bogus', which moved by what the password lost
  EXPECT_EQ(ErrorOn(text, 5).source_line, "  - command: dir C:\\");
}

// A secret key's value written as a map (`password: {Wonder1and!Secret}` reads as a map in YAML)
// is the secret all the same: masked whole, in flow or block style, on its line and below it; only
// policy's `password:` map, whose keys are its settings, is shown.
TEST(ExcerptSecrets, ASecretWrittenAsAMapIsMaskedAsAnyValueOfItsKey) {
  const fakes::LoadError flow = LoadError("accounts:\n  alice: {password: {Wonder1and!Secret}}\n");
  EXPECT_EQ(flow.source_line, "  alice: {password: {********}}");
  ExpectNoSecret(flow);
  const fakes::LoadError keyed = LoadError("accounts:\n  alice: {password: {Wonder1and: Secret, s3cretPwd: 1}}\n");
  EXPECT_EQ(keyed.source_line, "  alice: {password: {********, ********}}");
  ExpectNoSecret(keyed);
  const std::string block = "accounts:\n  alice:\n    password:\n      s3cretPwd: Wonder1and!Secret\n";
  const fakes::LoadError below = LoadError(block);
  EXPECT_EQ(below.source_line.find_first_not_of(' '), below.source_line.find("********")) << below.source_line;
  ExpectNoSecret(below);
  EXPECT_EQ(ErrorOn(block, 4).source_line, "      ********");
  const std::string json = "{\"accounts\": {\"alice\": {\"password\": {\"s3cretPwd\": \"Adm1nPass\"}}}}";
  EXPECT_EQ(ErrorOn(json, 1).source_line, "{\"accounts\": {\"alice\": {\"password\": {********}}}}");
  EXPECT_EQ(ErrorOn("  - legacy: {answer: {webworker}}\n", 1).source_line, "  - legacy: {answer: {********}}");
  // Policy's settings, in a map over two lines too.
  EXPECT_EQ(ErrorOn("policy:\n  password: {min_length: 15,\n    complexity: maybe}\n", 3).source_line,
            "    complexity: maybe}");
}

// What is not a secret stays readable: policy's `password:` block map of settings, and the keys
// beside a `values:` map.
TEST(ExcerptSecrets, APasswordPolicyInBlockStyleIsShownAsItIs) {
  const std::string text = "policy:\n  password:\n    min_length: 15\n    complexity: maybe\n";
  EXPECT_EQ(ErrorOn(text, 4, 17).source_line, "    complexity: maybe");
  EXPECT_EQ(ErrorOn(text, 4, 17).column, 17);
  EXPECT_EQ(ErrorOn("objects:\n  - {registry: 'HKLM\\S', values: {Pwd: x}, acl: oops}\n", 2).source_line,
            "  - {registry: 'HKLM\\S', values: {Pwd: ********}, acl: oops}");
}

// The secrets a document holds are found by parsing it, however they are written, and masked
// wherever they are on the line an error shows; the column moves with the text and never points
// into a mask (the forms a black-box audit found shown: docs/scenario-format.md, "Load errors").
TEST(ExcerptSecrets, ASecretIsMaskedHoweverItsKeyAndValueAreWritten) {
  // A password continued inside a flow map: the next line holds it and the key at fault.
  const fakes::LoadError flow = LoadError("accounts:\n  bob: {password:\n      Sekrit1pw, x: 1}\n");
  // `x` is no key of an account: its value is not quoted either (an unknown key's).
  EXPECT_EQ(flow.source_line, "      ********, x: ********}");
  EXPECT_EQ(flow.column, 17);  // on 'x', as it moved
  EXPECT_EQ(flow.ToString().find("Sekrit"), std::string::npos) << flow.ToString();
  // A quoted password over two lines, at any indentation: its second line is masked, the key after
  // it shown and pointed at.
  for (const std::string indent : {"  ", "    "}) {
    const fakes::LoadError quoted =
        LoadError("accounts:\n  bob: {password: \"Sekrit1pw\n" + indent + "Sekrit2pw\", x: 1}\n");
    EXPECT_EQ(quoted.source_line, indent + "********, x: ********}");
    EXPECT_EQ(quoted.column, static_cast<int>(indent.size()) + 11) << quoted.ToString();
    EXPECT_EQ(quoted.ToString().find("Sekrit"), std::string::npos) << quoted.ToString();
  }
  // A key written with an escape, or quoted: the value is a password all the same.
  const fakes::LoadError escaped = LoadError("accounts:\n  bob: {\"pass\\x77ord\": Sekrit1pw, x: 1}\n");
  EXPECT_EQ(escaped.source_line, "  bob: {\"pass\\x77ord\": ********, x: ********}");
  EXPECT_EQ(escaped.ToString().find("Sekrit"), std::string::npos) << escaped.ToString();
  const fakes::LoadError any_case = LoadError("accounts:\n  bob: {Password: Sekrit1pw}\n");
  EXPECT_EQ(any_case.ToString().find("Sekrit"), std::string::npos) << any_case.ToString();
  // A value with an escape in it is masked as written.
  const fakes::LoadError value = LoadError("accounts:\n  bob: {password: \"Sek\\x72it1pw\", x: 1}\n");
  EXPECT_EQ(value.source_line, "  bob: {password: ********, x: ********}");
}

// A document that does not parse cannot say where its secrets are: a line that could hold one the
// scan cannot see (a complex key, an escaped key, a line inside a construct that holds a secret's
// key) is masked whole; the column then points at the mask's start, never into it.
TEST(ExcerptSecrets, ADocumentThatDoesNotParseIsMaskedWholeWhereItCouldHideASecret) {
  const fakes::LoadError complex = LoadError("accounts:\n  bob: {? password : Sekrit1pw}\n");
  EXPECT_EQ(complex.source_line, "  ********");
  EXPECT_EQ(complex.column, 3);
  EXPECT_EQ(complex.ToString().find("Sekrit"), std::string::npos) << complex.ToString();
  const fakes::LoadError escaped = ErrorOn("a: {\"pass\\x77ord\": Sekrit1pw, [\n", 1);
  EXPECT_EQ(escaped.source_line, "********");
  const fakes::LoadError inside = ErrorOn("a: {password: \"x\n  Sekrit1pw\", b: [\n", 2);
  EXPECT_EQ(inside.source_line, "  ********");
  // A password key however spelt or mistyped, the value on the next line: masked whole too.
  EXPECT_EQ(ErrorOn("a: {pass_word: \"x\n  Sekrit1pw\", b: [\n", 2).source_line, "  ********");
  EXPECT_EQ(ErrorOn("a: {passwrd: \"x\n  Sekrit1pw\", b: [\n", 2).source_line, "  ********");
  // A line that could hold none is shown.
  EXPECT_EQ(ErrorOn("a: {b: [c,\n  d: e: f\n", 2).source_line, "  d: e: f");
}

// A scenario's `net user` command line continued on a second line: the password is masked there.
TEST(ExcerptSecrets, APasswordOnACommandLineContinuedBelowIsMasked) {
  const std::string text =
      "summary: s\nmachine:\nsteps:\n  - command: {line: \"net user bob\n      Sekrit1pw /add\", x: 1}\n";
  const fakes::LoadError e = ErrorOn(text, 5, 24, "Sekrit1pw");
  EXPECT_EQ(e.source_line, "      ******** /add\", x: 1}");
  EXPECT_EQ(e.column, 23);
  EXPECT_EQ(e.ToString().find("Sekrit"), std::string::npos) << e.ToString();
}

}  // namespace
