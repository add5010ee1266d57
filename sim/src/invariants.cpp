#include "sim/invariants.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <set>

#include "fakes/lsa.h"
#include "fakes/password_rules.h"
#include "fakes/registry_credentials.h"
#include "fakes/sam.h"
#include "fakes/sql.h"
#include "fakes/web_requests.h"
#include "fixer/masked_secret.h"
#include "fixer/name_case.h"
#include "fixer/ports/secrets.h"
#include "fixer/process_model.h"
#include "sim/machine_view.h"

namespace sim {
namespace {

// The byte of `secret` to look for first in a text: a transcript is full of digits (SIDs, masks),
// lower-case words and spaces, so a rare punctuation mark, else a capital, is looked for rather
// than a first byte such as the '1' of "1pass@word", which every SID holds.
size_t AnchorOf(std::string_view secret) {
  auto rarity = [](unsigned char c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == ' ' || c == '\n') return 0;
    if (std::string_view(".,:;-_()[]/\\'\"=<>").find(static_cast<char>(c)) != std::string_view::npos) return 1;
    if (c >= 'A' && c <= 'Z') return 2;
    return 3;
  };
  size_t best = 0;
  for (size_t i = 1; i < secret.size(); ++i)
    if (rarity(static_cast<unsigned char>(secret[i])) > rarity(static_cast<unsigned char>(secret[best]))) best = i;
  return best;
}

// text.find(needle) != npos, looking for needle[anchor] with memchr and comparing the rest there.
bool ContainsAt(std::string_view text, std::string_view needle, size_t anchor) {
  if (needle.empty()) return true;
  if (text.size() < needle.size()) return false;
  const char* p = text.data() + anchor;
  const char* const end = text.data() + (text.size() - needle.size()) + anchor + 1;  // past the last place
  while (p < end) {
    p = static_cast<const char*>(std::memchr(p, needle[anchor], static_cast<size_t>(end - p)));
    if (p == nullptr) return false;
    if (std::memcmp(p - anchor, needle.data(), needle.size()) == 0) return true;
    ++p;
  }
  return false;
}

CheckResult Inv(std::string what, bool passed, std::string expected, std::string actual) {
  return {"invariant", std::move(what), passed, std::move(expected), std::move(actual), {}};
}

std::optional<std::string> SecretIn(const fakes::MachineState& state) {
  auto s = fakes::RetrieveSecretIn(state, std::string(fixer::kAspNetWorkerSecret));
  if (!s) return std::nullopt;
  return std::string(s->Reveal());
}

// The worker's password where machine.config keeps it for a custom account: in clear, or in the
// registry value an aspnet_setreg `registry:` reference names.
std::vector<std::string> WorkerPasswordsIn(const fakes::MachineState& state) {
  std::vector<std::string> out;
  for (const fixer::FrameworkInfo& f : state.products.frameworks) {
    const std::string& password = f.process_model.password;
    if (auto data = fakes::RegistryCredentialIn(state, password))
      out.push_back(std::move(*data));
    else if (fixer::IsClearProcessModelPassword(password))
      out.push_back(password);
  }
  return out;
}

}  // namespace

CheckResult ServicesAsFound(const fakes::MachineState& found, const fakes::MachineState& now) {
  std::string diffs;
  for (const auto& before : found.services) {
    const fixer::ServiceInfo* it = now.services.FindName(before.name);
    const std::string is = it ? std::string(fixer::ToString(it->state)) : "absent";
    if (std::string(fixer::ToString(before.state)) != is)
      diffs +=
          (diffs.empty() ? "" : ", ") + before.name + " " + std::string(fixer::ToString(before.state)) + " -> " + is;
  }
  return Inv("services as the fixer found them", diffs.empty(), "as found", diffs.empty() ? "as found" : diffs);
}

CheckResult GrantsStillWork(const fakes::MachineState& found, const fakes::MachineState& now,
                            const std::string& account) {
  auto old_sid = fakes::UserSidIn(found, account);
  auto new_sid = fakes::UserSidIn(now, account);
  if (!old_sid) return Inv("grants of " + account, true, "kept", "no such account before");
  if (!new_sid) return Inv("grants of " + account, false, "kept", account + " no longer exists");
  std::vector<std::string> lost;
  for (const auto& [key, obj] : found.objects) {
    for (const auto& ace : obj.dacl) {
      if (ace.sid != *old_sid || (ace.flags & fixer::kInheritedAce)) continue;
      auto it = now.objects.find(key);
      const bool kept = it != now.objects.end() &&
                        std::any_of(it->second.dacl.begin(), it->second.dacl.end(), [&](const fixer::Ace& a) {
                          return a.sid == *new_sid && a.type == ace.type && (a.mask & ace.mask) == ace.mask;
                        });
      if (!kept) lost.push_back("ACE on " + obj.path);
    }
  }
  auto rights_of = [](const fakes::MachineState& s, const fixer::Sid& sid) {
    auto it = s.lsa.rights.find(sid);
    return it == s.lsa.rights.end() ? fakes::RightSet{} : it->second;
  };
  for (const auto& r : rights_of(found, *old_sid))
    if (!rights_of(now, *new_sid).count(r)) lost.push_back("right " + r);
  if (fakes::SqlLoginWorksIn(found, *old_sid) && !fakes::SqlLoginWorksIn(now, *new_sid)) lost.push_back("SQL login");
  std::string actual;
  for (const auto& l : lost) actual += (actual.empty() ? "" : "; ") + l;
  return Inv("grants of " + account + " still work", lost.empty(), "every grant works",
             lost.empty() ? "every grant works" : "lost: " + actual);
}

CheckResult NoSecretIn(const std::vector<std::string>& texts, const fakes::MachineState& found,
                       const fakes::MachineState& now, const std::vector<std::string>& known) {
  return NoSecretIn(std::vector<std::string_view>(texts.begin(), texts.end()), found, now, known);
}

CheckResult NoSecretIn(std::span<const std::string_view> texts, const fakes::MachineState& found,
                       const fakes::MachineState& now, const std::vector<std::string>& known) {
  return SecretSearch(found, now, known).Check(texts);
}

CheckResult NoAccountPasswordIn(PrintedWordHashes& printed, std::span<const std::string> texts,
                                const fakes::MachineState& found, const fakes::MachineState& now) {
  printed.CatchUp(texts);
  const std::string what = "no password in output that logs an account on";
  for (const fakes::MachineState* s : {&found, &now})
    for (const fakes::UserAccount& u : s->sam.users)
      if (!u.password_hash.empty() && printed.Holds(u.password_hash))
        return Inv(what, false, "none", "a password appears");
  return Inv(what, true, "none", "none");
}

CheckResult NoAccountPasswordIn(std::span<const std::string> texts, const fakes::MachineState& found,
                                const fakes::MachineState& now) {
  PrintedWordHashes printed;
  return NoAccountPasswordIn(printed, texts, found, now);
}

SecretSearch::SecretSearch(const fakes::MachineState& found, const fakes::MachineState& now,
                           const std::vector<std::string>& known) {
  auto add = [this](const std::string& secret) {
    // Shorter: too short to tell a leak from a coincidence, and masked only as a word of its own.
    if (secret.size() < fixer::kSecretBytesMaskedAnywhere) return;
    for (const Needle& n : secrets_)
      if (n.text == secret) return;
    secrets_.push_back({secret, AnchorOf(secret)});
  };
  for (const std::string& k : known) add(k);
  for (const auto& s : {SecretIn(found), SecretIn(now)})
    if (s) add(*s);
  for (const fakes::MachineState* state : {&found, &now})
    for (const std::string& password : WorkerPasswordsIn(*state)) add(password);
  // A journal entry reads "key=value": only a secret holding '=' can straddle the two.
  const auto in_records = [&now](const Needle& n) {
    const auto holds = [&n](std::string_view text) { return ContainsAt(text, n.text, n.anchor); };
    const bool straddles = n.text.find('=') != std::string::npos;
    for (const auto& r : now.journal)
      for (const auto& [k, v] : r.data)
        if (holds(k) || holds(v) || (straddles && holds(k + "=" + v))) return true;
    return std::any_of(now.events.begin(), now.events.end(),
                       [&](const fixer::EventRecord& e) { return holds(e.text); });
  };
  std::optional<std::string> names;  // the machine as found, as `show` prints it: never a password
  for (const Needle& n : secrets_) {
    if (!in_records(n)) continue;
    // The journal and the events name what the repair touched (W3SVC, ASPNET, an application's
    // folder) and cannot mask it: a secret that is also a name the machine showed before the run
    // (a temporary password `W3SVC`) is recorded there as that name, a coincidence, not a leak.
    if (!names) names = RenderMachineText(found);
    if (names->find(n.text) != std::string::npos) continue;
    in_records_ = true;
    break;
  }
}

bool SecretSearch::In(std::string_view text) const {
  return std::any_of(secrets_.begin(), secrets_.end(),
                     [&](const Needle& n) { return ContainsAt(text, n.text, n.anchor); });
}

CheckResult SecretSearch::Check(std::span<const std::string_view> texts, bool leaked) const {
  leaked = leaked || in_records_ || std::any_of(texts.begin(), texts.end(), [&](std::string_view t) { return In(t); });
  if (leaked) return Inv("no password in output, journal or events", false, "none", "a password appears");
  return Inv("no password in output, journal or events", true, "none", "none");
}

CheckResult WorkerPasswordIsTheSecret(const fakes::MachineState& now, const std::string& account) {
  auto secret = SecretIn(now);
  const fakes::UserAccount* user = fakes::FindUserIn(now, account);
  if (!user || !secret)
    return Inv("worker password is the stored secret", true, "consistent", "no worker account or secret");
  // The password itself, not a logon: a lockout (which expires as the clock moves) or a disabled
  // account answers before the password is compared, and would hide a mismatch found earlier.
  const bool matches = fakes::NtHash(*secret) == user->password_hash;
  return Inv("worker password is the stored secret", matches, "the LSA secret is " + account + "'s password",
             matches ? "it is" : "it is not (a logon with it would fail with 1326)");
}

CheckResult WorkerSecretNotWorse(const fakes::MachineState& found, const fakes::MachineState& now,
                                 const std::string& account) {
  CheckResult c = WorkerPasswordIsTheSecret(now, account);
  if (!c.passed && !WorkerPasswordIsTheSecret(found, account).passed) {
    c.passed = true;
    c.actual = "it was not when the fixer found the machine either";
  }
  return c;
}

CheckResult ReadOnlyRunChangesNothing(const std::string& what, const fakes::MachineState& before,
                                      const fakes::MachineState& now) {
  const std::string check = "a read-only run (" + what + ") changes nothing, its journal and events included";
  for (const Change& c : DiffMachines(before, now)) {
    // A random draw or the clock moving in memory is no change to the machine: nothing is saved for it.
    if (c.path.starts_with("rng_state") || c.path.starts_with("clock")) continue;
    return Inv(check, false, "nothing changed", c.path + ": " + c.before + " -> " + c.after);
  }
  return Inv(check, true, "nothing changed", "nothing changed");
}

CheckResult SiteNotWorse(const fakes::MachineState& found, const fakes::MachineState& now) {
  return SiteNotWorse(StatusOfEveryApp(found), StatusOfEveryApp(now));
}

std::optional<std::string> ChangedByARefusal(const fakes::MachineState& before, const fakes::MachineState& now) {
  if (before == now) return std::nullopt;  // most refusals: a comparison, not a whole diff
  for (const Change& c : DiffMachines(before, now)) {
    // Bookkeeping a refused run may touch without changing the machine.
    bool bookkeeping = false;
    for (const char* part : {"clock", "events", "rng_state"}) bookkeeping |= c.path.starts_with(part);
    if (!bookkeeping) return c.path + ": " + c.before + " -> " + c.after;
  }
  return std::nullopt;
}

std::vector<CheckResult> ExitCodePromises(int exit_code, const std::string& outcome, const fakes::MachineState& before,
                                          const fakes::MachineState* episode_found, fakes::Machine& now,
                                          const std::set<std::string>& verified,
                                          const std::map<std::string, int>* known_statuses,
                                          const std::optional<Change>* found_difference) {
  std::vector<CheckResult> out;
  const std::string restored(fixer::ToString(fixer::Outcome::kFailedRestored));
  const std::string rolled_back(fixer::ToString(fixer::Outcome::kRolledBack));
  // Exit 1 restored and exit 0 rolled back (a rollback, or a resume finishing one) promise alike.
  const bool as_found = (exit_code == fixer::ToInt(fixer::ExitCode::kFailed) && outcome == restored) ||
                        (exit_code == fixer::ToInt(fixer::ExitCode::kOk) && outcome == rolled_back);
  if (as_found && episode_found) {
    const std::optional<Change> diff =
        found_difference ? *found_difference : FirstDifference(*episode_found, now.state());
    out.push_back(Inv(
        "exit " + std::to_string(exit_code) + " (" + outcome + ") leaves the machine as the repair found it",
        !diff.has_value(), "as found", diff ? diff->path + ": " + diff->before + " -> " + diff->after : "as found"));
  }
  if (exit_code == 3) {
    const auto diff = ChangedByARefusal(before, now.state());
    out.push_back(Inv("exit 3 (" + outcome + ") leaves the machine as the run found it", !diff.has_value(),
                      "nothing changed", diff ? *diff : "nothing changed"));
  }
  // A power loss ("interrupted") exits with nothing: its 4 is the simulator's, and one before
  // the first change rightly leaves no journal.
  if (exit_code == fixer::ToInt(fixer::ExitCode::kNotRestored) && outcome != "interrupted") {
    const size_t records = now.state().journal.size();
    out.push_back(Inv("exit 4 (" + outcome + ") leaves a journal to resume or roll back", records > 0,
                      "a journal pending", records > 0 ? "a journal pending" : "no journal"));
  }
  if (exit_code == 0 && (outcome == "fixed" || outcome == "nothing-to-do")) {
    const std::map<std::string, int> statuses = known_statuses ? *known_statuses : StatusOfEveryApp(now);
    std::string down;
    for (const auto& app : now.state().products.applications) {
      if (app.framework_version != fixer::kFramework10) continue;
      auto it = statuses.find(app.path);
      const int status = it == statuses.end() ? 0 : it->second;
      if (status != 200) down += (down.empty() ? "" : ", ") + app.path + " " + std::to_string(status);
    }
    out.push_back(Inv("exit 0 (" + outcome + ") with every ASP.NET 1.0 application answering", down.empty(),
                      "every 1.0 application 200", down.empty() ? "every 1.0 application 200" : down));
    // "Verified": the fixer's own request, not only a site that happens to work.
    std::string unasked;
    for (const auto& app : now.state().products.applications)
      if (app.framework_version == fixer::kFramework10 && !verified.count(app.path))
        unasked += (unasked.empty() ? "" : ", ") + app.path;
    out.push_back(Inv("exit 0 (" + outcome + ") after the run's own request to every ASP.NET 1.0 application",
                      unasked.empty(), "each requested",
                      unasked.empty() ? "each requested" : "not requested: " + unasked));
  }
  return out;
}

CheckResult SiteNotWorse(const std::map<std::string, int>& before, std::map<std::string, int> after) {
  std::string worse;
  for (const auto& [app, status] : before)
    if (status == 200 && after[app] != 200)
      worse += (worse.empty() ? "" : ", ") + app + " " + std::to_string(after[app]);
  return Inv("no site down that was up", worse.empty(), "every 200 still 200", worse.empty() ? "as expected" : worse);
}

}  // namespace sim
