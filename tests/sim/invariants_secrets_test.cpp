// The `secrets` invariant's search (sim::SecretSearch, sim::NoSecretIn): a password is found
// wherever it lies in a text (first, last or only bytes, among near misses), in a journal record's
// key, value or across its "key=value", and in an event; a known one shorter than 4 characters is
// not looked for, and none is left in text masked by fixer::MaskedSecret. The search worked out
// once for an end answers each text as NoSecretIn does, and as std::string_view::find would,
// whichever byte of a password it looks for first.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/password_rules.h"
#include "fakes/state.h"
#include "fixer/masked_secret.h"
#include "sim/invariants.h"

namespace {

const std::vector<std::string> kKnown = {"1pass@word", "k=v!x", "abc"};

bool Leaks(const std::vector<std::string_view>& texts, const fakes::MachineState& now) {
  const fakes::MachineState found{};
  const bool whole = !sim::NoSecretIn(std::vector<std::string>(texts.begin(), texts.end()), found, now, kKnown).passed;
  const sim::SecretSearch search(found, now, kKnown);
  EXPECT_EQ(!search.Check(texts).passed, whole);  // the search answers as NoSecretIn
  return whole;
}

TEST(SecretSearch, FindsAPasswordAnywhereInAText) {
  const fakes::MachineState clean{};
  for (const char* text : {"1pass@word", "1pass@word and more", "log: 1pass@word", "1pass@wor 1pass@word",
                           "11pass@word1", "[info] set k=v!x\n"})
    EXPECT_TRUE(Leaks({"nothing here", text}, clean)) << text;
  for (const char* text : {"", "1pass@wor", "pass@word", "1pass@Word", "1pass @word", "abc abc", "k=v! x"})
    EXPECT_FALSE(Leaks({text}, clean)) << text;    // near misses; "abc" is too short to look for
  EXPECT_FALSE(Leaks({"1pass", "@word"}, clean));  // each text alone
}

// The search and the masking share one rule (fixer::MaskedSecret): each password the search looks
// for is masked wherever it stands, so a masked text never fails the invariant, and a text that
// shows one, even glued inside a word, does.
TEST(SecretSearch, FindsNoPasswordInTextMaskedByTheOneRule) {
  const fakes::MachineState clean{};
  for (const char* text : {"echo 1pass@word", "echo x1pass@wordx", R"(C:\1pass@word\x)", "k=v!x&&echo k=v!xk=v!x",
                           "[1pass@word]", "set PW=1pass@word"}) {
    EXPECT_TRUE(Leaks({text}, clean)) << text;
    std::string masked = text;
    for (const std::string& known : kKnown) masked = fixer::MaskedSecret(std::move(masked), known);
    EXPECT_FALSE(Leaks({masked}, clean)) << masked;
  }
  // A short one is masked as a word only, and not looked for.
  EXPECT_EQ(fixer::MaskedSecret("abc xabc", "abc"), "******** xabc");
  EXPECT_FALSE(Leaks({"xabc"}, clean));
}

TEST(SecretSearch, FindsAPasswordInTheJournalAndTheEvents) {
  fakes::MachineState in_value, in_key, straddling, in_event, clean_records;
  in_value.journal.push_back({.seq = 1, .step = "set-password", .data = {{"note", "was 1pass@word"}}});
  in_key.journal.push_back({.seq = 1, .step = "set-password", .data = {{"1pass@word", "x"}}});
  straddling.journal.push_back({.seq = 1, .step = "s", .data = {{"k", "v!x"}}});  // "k=v!x" only as key=value
  in_event.events.push_back({.text = "logon with 1pass@word failed"});
  clean_records.journal.push_back({.seq = 1, .step = "s", .data = {{"k", "v"}}});
  clean_records.events.push_back({.text = "the site answers"});
  for (const fakes::MachineState* now : {&in_value, &in_key, &straddling, &in_event})
    EXPECT_TRUE(Leaks({"a clean transcript"}, *now));
  EXPECT_FALSE(Leaks({"a clean transcript"}, clean_records));
}

TEST(SecretSearch, ATextSearchedEarlierCountsWhenItLeaked) {
  const fakes::MachineState found{}, now{};
  const sim::SecretSearch search(found, now, kKnown);
  const std::vector<std::string_view> none;
  EXPECT_TRUE(search.Check(none).passed);
  EXPECT_FALSE(search.Check(none, /*leaked=*/true).passed);
  EXPECT_TRUE(search.In("x 1pass@word"));
  EXPECT_FALSE(search.In("x 1pass@wor"));
}

// A custom worker's password is looked for where machine.config keeps it: the registry value an
// aspnet_setreg reference names (any value name, the data as stored, whoever may read the key),
// or the clear text of processModel; the other values of the key (its userName) are not.
TEST(SecretSearch, FindsACustomWorkersPasswordFromTheRegistryOrMachineConfig) {
  fakes::MachineState setreg{};
  fakes::SecurableObject key{.ns = fixer::ObjectNamespace::kRegistry, .path = "HKLM\\SOFTWARE\\Contoso\\SETREG"};
  key.values = {{"userName", "webworker"}, {"Pwd", "W3b-Worker-2003"}};
  setreg.objects.Put(fakes::ObjectKey(key.ns, key.path), key);
  fixer::FrameworkInfo framework{.version = "1.0"};
  framework.process_model = {.user_name = "registry:HKLM\\SOFTWARE\\Contoso\\SETREG,userName",
                             .password = "registry:hklm\\software\\contoso\\setreg,PWD"};
  setreg.products.frameworks.push_back(framework);
  const fakes::MachineState none{};
  EXPECT_TRUE(sim::SecretSearch(setreg, none, {}).In("logged on with W3b-Worker-2003"));
  EXPECT_TRUE(sim::SecretSearch(none, setreg, {}).In("logged on with W3b-Worker-2003"));
  EXPECT_FALSE(sim::SecretSearch(setreg, setreg, {}).In("runas /profile /user:webworker cmd.exe"));
  fakes::MachineState clear{};
  framework.process_model = {.user_name = "XPPRO\\webworker", .password = "Cl34r-Text-Pw"};
  clear.products.frameworks.push_back(framework);
  EXPECT_TRUE(sim::SecretSearch(clear, clear, {}).In("password Cl34r-Text-Pw"));
  EXPECT_FALSE(sim::SecretSearch(none, none, {}).In("password Cl34r-Text-Pw AutoGenerate"));
}

// The search looks first for a password's rarest byte (its '@', its capital) and compares the
// rest there: over random texts of a small alphabet, planted passwords, cut ones and near misses
// at the start, middle and end, it answers exactly as find() does.
TEST(SecretSearch, AnswersAsFindDoes) {
  std::mt19937 rng(20261204);
  const std::string alphabet = "1ap@sW!x =";
  auto random_text = [&](size_t n) {
    std::string t;
    for (size_t i = 0; i < n; ++i) t += alphabet[rng() % alphabet.size()];
    return t;
  };
  const std::vector<std::string> passwords = {"1pass@word", "aaaa", "@@@@", "a1a1W", "=x=x", "ppp!"};
  const fakes::MachineState none{};
  size_t found = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string& password = passwords[rng() % passwords.size()];
    std::string text = random_text(rng() % 40);
    if (rng() % 2 == 0) {
      std::string part = password.substr(0, password.size() - (rng() % 2));  // the whole, or cut short
      text.insert(rng() % (text.size() + 1), part);
    }
    const sim::SecretSearch search(none, none, {password});
    const bool expected = std::string_view(text).find(password) != std::string_view::npos;
    ASSERT_EQ(search.In(text), expected) << "'" << password << "' in '" << text << "'";
    if (expected) ++found;
  }
  EXPECT_GT(found, 500u);  // the rounds planted and found many, not only misses
}

}  // namespace

namespace {

// A batch file that set a password of its own making printed it (ECHO on), and no list of known
// passwords held it: a word of the console that is an account's password, by its NT hash, before
// or after the run, is found; other words, and short ones, are not.
TEST(NoAccountPasswordIn, FindsAWordThatIsAnAccountsPassword) {
  fakes::MachineState before{}, after{};
  before.sam.users.push_back({.rid = 1002, .name = "ASPNET", .password_hash = fakes::NtHash("Old#Secret1")});
  after.sam.users.push_back({.rid = 1002, .name = "ASPNET", .password_hash = fakes::NtHash("Xq#Secret55")});
  const std::vector<std::string> printed = {"C:\\>set TEMPPW=x\n", "C:\\>net user ASPNET Xq#Secret55\n"};
  EXPECT_FALSE(sim::NoAccountPasswordIn(printed, before, after).passed);
  EXPECT_FALSE(sim::NoAccountPasswordIn({{"typed 'Old#Secret1' here"}}, before, after).passed);  // quoted, before
  EXPECT_TRUE(sim::NoAccountPasswordIn({{"net user ASPNET ******** Xq#Secret5"}}, before, after).passed);
  fakes::MachineState blank{};
  blank.sam.users.push_back({.rid = 1003, .name = "bob", .password_hash = fakes::NtHash("abc")});
  EXPECT_TRUE(sim::NoAccountPasswordIn({{"abc"}}, blank, blank).passed);  // too short to tell from a word
}

// A run's checks share the hashes of what it printed: a later check still sees a word printed
// before the earlier one (the account's password may be set only later), and the words printed
// since; each text is hashed once.
TEST(NoAccountPasswordIn, ChecksOfOneRunSeeAllItsOutput) {
  fakes::MachineState before{}, after{};
  before.sam.users.push_back({.rid = 1002, .name = "ASPNET", .password_hash = fakes::NtHash("Old#Secret1")});
  std::vector<std::string> output = {"C:\\>echo Xq#Secret55\n"};
  sim::PrintedWordHashes printed;
  EXPECT_TRUE(sim::NoAccountPasswordIn(printed, output, before, before).passed);
  after.sam.users.push_back({.rid = 1002, .name = "ASPNET", .password_hash = fakes::NtHash("Xq#Secret55")});
  output.push_back("C:\\>net user ASPNET *\n");
  EXPECT_FALSE(sim::NoAccountPasswordIn(printed, output, before, after).passed);  // printed by the first text

  sim::PrintedWordHashes later;
  output = {"C:\\>dir\n"};
  EXPECT_TRUE(sim::NoAccountPasswordIn(later, output, after, after).passed);
  output.push_back("typed 'Xq#Secret55'");
  EXPECT_FALSE(sim::NoAccountPasswordIn(later, output, after, after).passed);  // printed since
}

}  // namespace
