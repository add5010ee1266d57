// A usage error never shows a word typed as a secret (app/typed_secrets.h): a password with an
// unquoted space arrives as two words and CLI11 quotes the second. aspnet-fixer masked it after
// --temp-password but not after --temp-password=VALUE; fixup-sim showed runas's answer (legacy,
// compare --answer) as typed; and a password of stars hung aspnet-fixer (each mask it put in was
// found again in itself); a one-letter word after it was shown.
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/affected_machine.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;
using ::testing::HasSubstr;
using ::testing::Not;

class TypedSecrets : public ::testing::Test {
 protected:
  // Under timeout(1): a hang is exit 124, not a test that never ends.
  Ran Run(const char* program, std::vector<std::string> args) const {
    args.insert(args.begin(), {"20", program});
    return test_support::RunProgram({.program = "timeout", .args = args, .cwd = dir_.path()});
  }

  const test_support::TempFolder dir_{"typed_secrets_e2e"};
  const std::string machine_ = dir_.Write("m.yaml", test_support::kAffectedMachine).string();
};

TEST_F(TypedSecrets, TheSecondWordOfAnAnswerIsNotShown) {
  const std::string scenario = std::string(FIXUP_SOURCE_DIR) + "/scenarios/legacy/fixes-default-policy.yaml";
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"compare", scenario, "--answer", "Tell", "N0body-Else"},
                                             {"legacy", scenario, "--answer=Tell", "N0body-Else"},
                                             {"compare", scenario, "--answer", "Tell", "N0body-Else", "--json"}}) {
    const Ran r = Run(FIXUP_SIM_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_THAT(r.out + r.err, HasSubstr("'********' was not expected"));
    EXPECT_THAT(r.out + r.err, Not(HasSubstr("N0body-Else")));
  }
}

TEST_F(TypedSecrets, AWordAfterTheEqualsFormIsNotShown) {
  const Ran r = Run(ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--temp-password=Tell", "N0body-Else"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("'********' was not expected"));
  EXPECT_THAT(r.out + r.err, Not(HasSubstr("N0body-Else")));
}

// One rule for every place a secret is echoed (fixer::MaskedSecret): a one-letter word typed after
// the password is masked where it stands as a word, as the console masks one (it was shown: words
// under 2 characters were let through); `-` reads the password from input and is no secret.
TEST_F(TypedSecrets, AOneLetterWordIsNotShown) {
  const Ran r = Run(ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--temp-password", "Tell", "q"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("'********' was not expected"));
  EXPECT_THAT(r.err, Not(HasSubstr("'q'")));
}

TEST_F(TypedSecrets, APasswordOfStarsEndsAsAUsageError) {
  const Ran r = Run(ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--temp-password", "**", "**"});
  EXPECT_EQ(r.exit_code, 2) << "124: it hung\n" << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("********' was not expected"));  // each `**` typed masked, the masks too
  const Ran sim = Run(FIXUP_SIM_BIN, {"compare", "x.yaml", "--answer", "***", "***"});
  EXPECT_EQ(sim.exit_code, 2) << sim.out << sim.err;
}

// A secret option whose value is a command's name (audit 21 item 9): the word is the option's
// value, so the line names no command (`aspnet-fixer:`, `"command": null`), and the list of
// commands is the tool's own text, not the typed secret: never masked out of it.
TEST_F(TypedSecrets, APasswordThatIsACommandNameNamesNoCommand) {
  const std::string list = "give a command: diagnose, plan, apply, resume, rollback or capture";
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--temp-password", "apply", "--machine", "m.yaml"},
                                             {"--temp-password=apply", "--machine", "m.yaml"},
                                             {"--temp-password", "plan", "--machine", "m.yaml"},
                                             {"--machine", "apply"}}) {
    const Ran r = Run(ASPNET_FIXER_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_THAT(r.err, HasSubstr("aspnet-fixer: " + list)) << args[0];
    EXPECT_THAT(r.err, Not(HasSubstr("********"))) << args[0];
    std::vector<std::string> json = args;
    json.push_back("--json");
    const Ran j = Run(ASPNET_FIXER_BIN, json);
    EXPECT_THAT(j.out, HasSubstr("\"command\": null")) << j.out;
    EXPECT_THAT(j.out, HasSubstr("\"error\": \"" + list + "\"")) << j.out;
  }
}

// fixup-sim's runas answer given before the command: the command it names is shown, not masked.
TEST_F(TypedSecrets, AnAnswerGivenBeforeItsCommandNamesTheCommandInClear) {
  const std::string scenario = std::string(FIXUP_SOURCE_DIR) + "/scenarios/legacy/fixes-default-policy.yaml";
  const Ran r = Run(FIXUP_SIM_BIN, {"--answer", "legacy", scenario});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err,
              HasSubstr("fixup-sim legacy: --answer: an option of legacy, given before it: write it after legacy"));
  EXPECT_THAT(r.err, Not(HasSubstr("********")));
}

// A temporary password that is also a word of the report (audit 21 item 4) is masked there by the
// one rule, in the text report and in every string of the JSON.
TEST_F(TypedSecrets, ATemporaryPasswordThatIsAWordOfTheReportIsMaskedThere) {
  for (const std::string& password : {std::string("Diagnosis"), std::string("Outcome"), std::string("W3SVC")}) {
    dir_.Write("w.yaml", test_support::kAffectedMachine);  // affected again: the repair stops W3SVC
    const Ran text = Run(ASPNET_FIXER_BIN, {"apply", "--machine", "w.yaml", "--temp-password", password, "-v"});
    EXPECT_EQ(text.exit_code, 0) << text.out << text.err;
    EXPECT_THAT(text.out + text.err, Not(HasSubstr(password))) << text.out;
    EXPECT_THAT(text.out, HasSubstr("********")) << text.out;
    dir_.Write("w.yaml", test_support::kAffectedMachine);
    const Ran json = Run(ASPNET_FIXER_BIN, {"plan", "--machine", "w.yaml", "--temp-password", password, "--json"});
    EXPECT_EQ(json.exit_code, 0) << json.out << json.err;
    EXPECT_THAT(json.out + json.err, Not(HasSubstr(password))) << json.out;
  }
}

// Audit 23 item 3: a temporary password that is a key of the JSON report or the word of its outcome
// (`exit_code`, `outcome`, `fixed`) took that key or value out of it; README promises every report's
// `command`, `outcome` and `exit_code`. Keys and those values are the tool's own words: kept.
TEST_F(TypedSecrets, ATemporaryPasswordThatIsAKeyOfTheJsonLeavesTheReportsShape) {
  for (const std::string& password : {std::string("exit_code"), std::string("outcome"), std::string("command"),
                                      std::string("fixed"), std::string("result")}) {
    dir_.Write("k.yaml", test_support::kAffectedMachine);
    const Ran r = Run(ASPNET_FIXER_BIN, {"apply", "--machine", "k.yaml", "--temp-password", password, "--json"});
    EXPECT_EQ(r.exit_code, 0) << password << "\n" << r.out << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j.value("command", ""), "apply") << password << "\n" << r.out;
    EXPECT_EQ(j.value("outcome", ""), "fixed") << password << "\n" << r.out;
    EXPECT_EQ(j.value("exit_code", -1), 0) << password << "\n" << r.out;
    EXPECT_TRUE(j.contains("result") && j["result"].is_object()) << password << "\n" << r.out;
  }
}

// A load error's excerpt masks a secret the file holds wherever it stands on the line, as the
// message beside it does (audit 21 item 6), on standard error and in --json alike.
TEST_F(TypedSecrets, ALoadErrorsExcerptMasksTheFilesSecrets) {
  dir_.Write("le.yaml", "accounts:\n  bob: {password: 'Zebra#42'}\nframeworks: [1.0, 'Zebra#42']\n");
  for (const auto& [program, args] : std::vector<std::pair<const char*, std::vector<std::string>>>{
           {FIXUP_SIM_BIN, {"show", "le.yaml"}},
           {FIXUP_SIM_BIN, {"show", "le.yaml", "--json"}},
           {ASPNET_FIXER_BIN, {"diagnose", "--machine", "le.yaml", "--json"}}}) {
    const Ran r = Run(program, args);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_THAT(r.out + r.err, HasSubstr("near:")) << r.out << r.err;
    EXPECT_THAT(r.out + r.err, Not(HasSubstr("Zebra#42"))) << r.out << r.err;
  }
}

}  // namespace
