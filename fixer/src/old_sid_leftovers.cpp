// The grants an earlier worker account left: a SQL login named as the worker that stores another
// SID, and what else still names that SID. Read before any change; no step changes them.
#include <algorithm>

#include <fmt/ranges.h>

#include "diagnose_parts.h"
#include "fixer/text.h"

namespace fixer {

Result<std::vector<OldSidLeftovers>> ReadOldSidLeftovers(Ports& ports, const WorkerIdentity& worker,
                                                         const std::string& computer) {
  std::vector<OldSidLeftovers> out;
  if (computer.empty() || worker.account.empty()) return out;
  auto logins = ports.security.LoginsNamed(computer + "\\" + worker.account);
  if (!logins) return logins.status();
  for (SqlLogin& login : *logins) {
    if (login.sid == worker.sid) continue;
    auto same = std::find_if(out.begin(), out.end(), [&](const OldSidLeftovers& o) { return o.sid == login.sid; });
    if (same != out.end()) {
      same->logins.push_back(std::move(login));
      continue;
    }
    OldSidLeftovers old{.sid = login.sid};
    // A SID some account holds now is that account's login, not a deleted worker's (1332: none does).
    auto holder = ports.accounts.NameOf(old.sid);
    if (holder) {
      old.holder = std::move(*holder);
    } else if (holder.status().code() != kErrorNoneMapped) {
      return holder.status();
    }
    auto users = ports.security.DbUsersFor(old.sid);
    if (!users) return users.status();
    old.db_users = std::move(*users);
    auto aces = ports.security.FindAcesByObject(old.sid);
    if (!aces) return aces.status();
    old.aces = CountAces(*aces);
    auto rights = ports.rights.Of(old.sid);
    if (!rights) return rights.status();
    old.rights = std::move(*rights);
    auto profile = ports.profiles.Find(old.sid);
    if (!profile) return profile.status();
    old.profile = std::move(*profile);
    old.logins.push_back(std::move(login));
    out.push_back(std::move(old));
  }
  return out;
}

namespace {

// The login belongs to the account that holds its SID today: dropping it would take that account's
// database access, so the worker gets a login of its own instead.
std::string LiveHolderNote(const WorkerIdentity& worker, const OldSidLeftovers& old, const std::string& logins,
                           const std::string& users) {
  return Text(FMT_COMPILE("SID {}: SQL login {} stores it, not {}'s SID {}: it is the SID of {}, an account that "
                          "exists (LookupAccountSid names it; the login keeps the name it was granted under), so "
                          "that login is {}'s{}{}; SQL Server matches a Windows login by its SID, so {} cannot use "
                          "it, and this repair does not change it. To do by hand: leave that login to {} (dropping "
                          "it would take its database access) and grant {} a login and database users of its own, "
                          "with the roles it needs (sp_grantlogin, sp_grantdbaccess, sp_addrolemember)"),
              old.sid, logins, worker.account, worker.sid, old.holder, old.holder,
              users.empty() ? "" : ", and so are its database users ", users, worker.account, old.holder,
              worker.account);
}

}  // namespace

std::vector<std::string> OldSidNotes(const WorkerIdentity& worker, const std::vector<OldSidLeftovers>& old_sids) {
  std::vector<std::string> notes;
  for (const OldSidLeftovers& old : old_sids) {
    std::vector<std::string> logins, users, also;
    for (const SqlLogin& l : old.logins) logins.push_back(l.name);
    for (const SqlDbUser& u : old.db_users) users.push_back(u.database + "." + u.name);
    if (!old.holder.empty()) {
      notes.push_back(LiveHolderNote(worker, old, Text(FMT_COMPILE("{}"), fmt::join(logins, ", ")),
                                     Text(FMT_COMPILE("{}"), fmt::join(users, ", "))));
      continue;
    }
    if (old.aces) also.push_back(CountText(old.aces, "explicit ACE", "explicit ACEs"));
    if (!old.rights.empty()) also.push_back(Text(FMT_COMPILE("the rights {}"), fmt::join(old.rights, ", ")));
    if (old.profile) also.push_back(Text(FMT_COMPILE("the profile folder {}"), old.profile->path));
    notes.push_back(Text(
        FMT_COMPILE("old SID {}: SQL login {} stores it, not {}'s SID {}: it was granted to an earlier {}, since "
                    "deleted (as fixup.cmd's recreate does); SQL Server matches a Windows login by its SID, so {} "
                    "cannot use it{}{}, and this repair does not change it{}{}. To do by hand: drop the login{} "
                    "(sp_revokedbaccess in each database, then sp_revokelogin) and grant {} a login and those "
                    "database users again, with the same roles (sp_grantlogin, sp_grantdbaccess, sp_addrolemember)"),
        old.sid, fmt::join(logins, ", "), worker.account, worker.sid, worker.account, worker.account,
        users.empty() ? "" : " nor its database users ", fmt::join(users, ", "),
        also.empty() ? "" : "; the old SID still holds ", fmt::join(also, "; "),
        users.empty() ? "" : " and its database users", old.logins.front().name));
  }
  return notes;
}

std::vector<std::string> FixedButLeftMessages(const Diagnosis& d, bool recreated) {
  std::vector<std::string> out;
  for (const OldSidLeftovers& old : d.scope.old_sids) {
    if (!old.holder.empty()) {
      out.push_back(Text(FMT_COMPILE("the site answers, but {} has no database access of its own: SQL login {} stores "
                                     "the SID of {}, whose login it is (see the note above: grant {} a login of its "
                                     "own by hand)"),
                         d.worker.account, old.logins.front().name, old.holder, d.worker.account));
      continue;
    }
    out.push_back(Text(FMT_COMPILE("the site answers, but {}'s database access is not repaired: SQL login {} "
                                   "stores the old SID {}, which {} cannot use (see the note above: re-grant it "
                                   "by hand)"),
                       d.worker.account, old.logins.front().name, old.sid, d.worker.account));
  }
  if (!recreated) return out;
  std::vector<std::string> kept;
  if (const size_t n = CountAces(d.scope.aces)) kept.push_back(CountText(n, "explicit ACE", "explicit ACEs"));
  if (!d.scope.rights.empty()) kept.push_back(Text(FMT_COMPILE("the rights {}"), fmt::join(d.scope.rights, ", ")));
  if (!kept.empty()) {
    // NetUserDel leaves every ACE and LSA right naming the SID (docs/windows-reference.md).
    out.push_back(Text(FMT_COMPILE("the old SID {} still holds {}: the repair granted them again to the new SID "
                                   "and did not take them from the old one, which Windows shows as an unknown "
                                   "account; remove them by hand once the site works"),
                       d.worker.sid, fmt::join(kept, " and ")));
  }
  return out;
}

}  // namespace fixer
