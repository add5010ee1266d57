// recreate's re-grant steps: everything record-grants journaled against the old SID is granted
// to the new account, each item checked first so a resumed step never grants twice, and each
// reported in RunResult::regranted. They read record-grants' data by reference; their own
// journal records hold only the two SIDs. The log says each item at debug level (a machine may
// hold 100,000 objects; the report lists them all) and one summary per step at info.
#include <algorithm>
#include <set>
#include <span>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "fixer/name_case.h"
#include "fixer/text.h"
#include "step_factories.h"

namespace fixer {
namespace {

// "file C:\app: 2 ACEs". Which ones the plan and the diagnosis list; formatting each here was
// a third of a million-ACE re-mapping.
std::string DescribeAces(const ObjectRef& object, size_t count) {
  const std::string_view ns = ToString(object.ns);
  const fmt::format_int n(count);
  const std::string_view unit = count == 1 ? " ACE" : " ACEs";
  std::string out;
  out.reserve(ns.size() + 1 + object.path.size() + 2 + n.size() + unit.size());  // one allocation
  out.append(ns).append(" ").append(object.path).append(": ").append(n.data(), n.size()).append(unit);
  return out;
}

// Records one item's outcome; returns it so the step can fail on the first error.
Status Report(RepairContext& ctx, std::string_view kind, std::string what, const Status& st) {
  // Braced: clang 14 (the sanitizer build) has no aggregate initialisation from parentheses.
  const RegrantItem& item = ctx.result.regranted.emplace_back(
      RegrantItem{std::string(kind), std::move(what), st.ok(), st.ok() ? std::string() : st.ToString()});
  if (st.ok()) {
    Log(ctx.log, spdlog::level::debug, FMT_COMPILE("re-granted {} {}"), item.kind, item.what);
  } else {
    Log(ctx.log, spdlog::level::warn, FMT_COMPILE("could not re-grant {} {}: {}"), item.kind, item.what, st);
  }
  return st;
}

// The step's line at info level: how many of the items reported since `first` went well.
void Summarize(RepairContext& ctx, std::string_view step, size_t first) {
  const auto items = std::span(ctx.result.regranted).subspan(first);
  const auto ok = std::count_if(items.begin(), items.end(), [](const RegrantItem& i) { return i.ok; });
  Log(ctx.log, spdlog::level::info, FMT_COMPILE("step {}: re-granted {} of {} items"), step, ok, items.size());
}

// Common shape: the old SID as recorded, the new account's SID, and what record-grants recorded.
class RegrantStep : public Step {
 public:
  Result<StepData> Prepare(RepairContext& ctx) override {
    auto acct = ctx.ports.accounts.Lookup(ctx.account);
    if (!acct) return acct.status();
    return StepData{{"old_sid", Get(Recorded(ctx), "old_sid")}, {"new_sid", acct->sid.ToString()}};
  }
  Status Undo(RepairContext&, const StepData&) override { return {}; }
  std::vector<std::string_view> data_keys() const override { return {"old_sid", "new_sid"}; }

 protected:
  static const StepData& Recorded(const RepairContext& ctx) { return ctx.DataOf("record-grants"); }
  // Every item is attempted; the first failure is the step's result.
  static void KeepFirst(Status& first, Status next) {
    if (first.ok()) first = std::move(next);
  }
  static Result<std::pair<Sid, Sid>> Sids(const StepData& data) {
    auto old_sid = Sid::Parse(Get(data, "old_sid"));
    auto new_sid = Sid::Parse(Get(data, "new_sid"));
    if (!old_sid) return old_sid.status();
    if (!new_sid) return new_sid.status();
    return std::pair{*old_sid, *new_sid};
  }
};

class RegrantRights : public RegrantStep {
 public:
  std::string_view id() const override { return "regrant-rights"; }
  PlanStep Describe(const Diagnosis* d) const override {
    std::string what = d ? Text(FMT_COMPILE("{}"), fmt::join(d->scope.rights, ", ")) : "every right";
    return {std::string(id()), Text(FMT_COMPILE("grant the new SID the old rights: {}"), what),
            std::string(kForwardOnlyUndo), false};
  }
  Status Act(RepairContext& ctx, const StepData& data, StepData&) override {
    auto sids = Sids(data);
    if (!sids) return sids.status();
    Status result;
    const size_t first = ctx.result.regranted.size();
    for (const std::string& right : SplitList(Get(Recorded(ctx), "rights"))) {
      KeepFirst(result, Report(ctx, "right", right, ctx.ports.rights.Grant(sids->second, right)));
    }
    Summarize(ctx, id(), first);
    return result;
  }
};

// The new account ends with exactly the old one's memberships: it joins each old group, and leaves
// each group it is in that the old one was not (NetUserAdd puts every new local account in Users).
class RegrantGroups : public RegrantStep {
 public:
  std::string_view id() const override { return "regrant-groups"; }
  PlanStep Describe(const Diagnosis* d) const override {
    if (d == nullptr) {
      return {std::string(id()),
              "add the new account to the old groups, and take it out of any other (a new account joins Users)",
              std::string(kForwardOnlyUndo), false};
    }
    const std::vector<std::string>& old = d->scope.groups;
    std::string what = old.empty() ? std::string("none") : Text(FMT_COMPILE("{}"), fmt::join(old, ", "));
    if (!InGroup(old, kNewAccountsGroup)) {
      what += Text(FMT_COMPILE("; and take it out of {}, which every new account joins (NetUserAdd) and the old one "
                               "was not in"),
                   kNewAccountsGroup);
    }
    return {std::string(id()), Text(FMT_COMPILE("add the new account to the old groups: {}"), what),
            std::string(kForwardOnlyUndo), false};
  }
  Status Act(RepairContext& ctx, const StepData& data, StepData&) override {
    auto sids = Sids(data);
    if (!sids) return sids.status();
    Status result;
    const size_t first = ctx.result.regranted.size();
    const std::vector<std::string> old = SplitList(Get(Recorded(ctx), "groups"));
    for (const std::string& group : old) {
      Status st = OkIf(ctx.ports.accounts.AddToGroup(group, sids->second), kErrorMemberInAlias);
      KeepFirst(result, Report(ctx, "group", group, st));
    }
    auto now = ctx.ports.accounts.Lookup(ctx.account);
    if (!now) return now.status();
    for (const std::string& group : now->groups) {
      if (InGroup(old, group)) continue;
      // Already out (a resumed step) is as good as taken out.
      Status st = OkIf(ctx.ports.accounts.RemoveFromGroup(group, sids->second), kErrorMemberNotInAlias);
      KeepFirst(result,
                Report(ctx, "group", Text(FMT_COMPILE("{}: taken out, as the old account was not in it"), group), st));
    }
    Summarize(ctx, id(), first);
    return result;
  }

 private:
  static constexpr std::string_view kNewAccountsGroup = "Users";
  static bool InGroup(const std::vector<std::string>& groups, std::string_view group) {
    return std::any_of(groups.begin(), groups.end(), [&](const std::string& g) { return SameWindowsName(g, group); });
  }
};

class RegrantAces : public RegrantStep {
 public:
  std::string_view id() const override { return "regrant-aces"; }
  PlanStep Describe(const Diagnosis* d) const override {
    std::string what = d ? CountText(CountAces(d->scope.aces), "explicit ACE", "explicit ACEs") : "every explicit ACE";
    return {std::string(id()), Text(FMT_COMPILE("add {} again for the new SID (same type, mask, flags)"), what),
            std::string(kForwardOnlyUndo), false};
  }
  // One DACL write per object (AddAcesEach: the objects in record-grants' order, each found from
  // the one before), each object reported once, as its write answers.
  Status Act(RepairContext& ctx, const StepData& data, StepData&) override {
    auto sids = Sids(data);
    if (!sids) return sids.status();
    const std::vector<ObjectAces>& recorded = GrantsOf(Recorded(ctx)).aces;
    // What the new SID already holds on each recorded object: after a crash half-way through a
    // million grants, resume must skip what was re-granted. Read on the recorded objects only,
    // not by a walk of every object. All of them name the new SID, so type, mask and flags say
    // which ACE it is.
    auto present = ctx.ports.security.FindAcesOn(sids->second, recorded);
    if (!present) return present.status();
    const size_t first = ctx.result.regranted.size();
    // One item per object, and room for regrant-sql's after them: growing past 100,000 items
    // would move every one.
    const RecordedGrants& grants = GrantsOf(Recorded(ctx));
    ctx.result.regranted.reserve(first + recorded.size() + grants.logins.size() + grants.db_users.size());
    Regrants regrants(ctx, recorded, *present, sids->second);
    ctx.ports.security.AddAcesEach(recorded, regrants);
    Summarize(ctx, id(), first);
    return regrants.result();
  }

 private:
  // Each recorded object's ACEs for the new SID, but those it holds already; each answer reported.
  class Regrants final : public AceWrites {
   public:
    Regrants(RepairContext& ctx, const std::vector<ObjectAces>& recorded, const std::vector<std::vector<Ace>>& present,
             const Sid& new_sid)
        : ctx_(ctx), recorded_(recorded), present_(present), new_sid_(new_sid) {}
    void AcesFor(size_t i, std::vector<Ace>& aces) override {
      const std::span<const Ace> already = i < present_.size() ? present_[i] : std::span<const Ace>();
      if (already.empty()) {  // the usual case: every recorded ACE again, copied as a block
        aces.assign(recorded_[i].aces.begin(), recorded_[i].aces.end());
        for (Ace& ace : aces) ace.sid = new_sid_;
        return;
      }
      for (const Ace& was : recorded_[i].aces) {
        const bool held = std::any_of(already.begin(), already.end(), [&was](const Ace& a) {
          return a.mask == was.mask && a.flags == was.flags && a.type == was.type;
        });
        if (!held) aces.push_back({was.type, new_sid_, was.mask, was.flags});
      }
    }
    void Written(size_t i, const Status& st) override {
      const ObjectAces& old = recorded_[i];
      KeepFirst(result_, Report(ctx_, "ace", DescribeAces(old.object, old.aces.size()), st));
    }
    const Status& result() const { return result_; }

   private:
    RepairContext& ctx_;
    const std::vector<ObjectAces>& recorded_;
    const std::vector<std::vector<Ace>>& present_;
    const Sid& new_sid_;
    Status result_;
  };
};

class RegrantSql : public RegrantStep {
 public:
  std::string_view id() const override { return "regrant-sql"; }
  PlanStep Describe(const Diagnosis* d) const override {
    std::string what = d ? Text(FMT_COMPILE("{} and {}"), CountText(d->scope.sql_logins.size(), "login", "logins"),
                                CountText(d->scope.db_users.size(), "db user", "db users"))
                         : std::string("every login and db user");
    return {std::string(id()),
            Text(FMT_COMPILE("drop and recreate {} of SQL Server with the new SID and the same roles"), what),
            std::string(kForwardOnlyUndo), false};
  }
  Status Act(RepairContext& ctx, const StepData& data, StepData&) override {
    auto sids = Sids(data);
    if (!sids) return sids.status();
    auto& sql = ctx.ports.security;
    const std::vector<SqlLogin>& logins = GrantsOf(Recorded(ctx)).logins;
    const std::vector<SqlDbUser>& users = GrantsOf(Recorded(ctx)).db_users;
    auto old_users = sql.DbUsersFor(sids->first);
    auto new_users = sql.DbUsersFor(sids->second);
    auto old_logins = sql.LoginsFor(sids->first);
    auto new_logins = sql.LoginsFor(sids->second);
    if (!old_users) return old_users.status();
    if (!new_users) return new_users.status();
    if (!old_logins) return old_logins.status();
    if (!new_logins) return new_logins.status();
    // Looked up by set, not by a scan per item: a server may hold a db user in each of thousands of databases.
    using UserKey = std::pair<std::string_view, std::string_view>;
    auto key = [](const SqlDbUser& u) { return UserKey(u.database, u.name); };
    auto user_keys = [&key](const std::vector<SqlDbUser>& v) {
      std::set<UserKey> keys;
      for (const SqlDbUser& x : v) keys.insert(key(x));
      return keys;
    };
    auto login_names = [](const std::vector<SqlLogin>& v) {
      std::set<std::string_view> names;
      for (const SqlLogin& x : v) names.insert(x.name);
      return names;
    };
    const std::set<UserKey> old_user_keys = user_keys(*old_users), new_user_keys = user_keys(*new_users);
    const std::set<std::string_view> old_login_names = login_names(*old_logins),
                                     new_login_names = login_names(*new_logins);

    Status result;
    const size_t first = ctx.result.regranted.size();
    // Orphaned db users first: they map to the old login's SID.
    for (const SqlDbUser& u : users) {
      if (old_user_keys.contains(key(u))) {
        Status st = sql.DropDbUser(u.database, u.name);
        if (!st.ok()) KeepFirst(result, Report(ctx, "db-user", Name(u), st));
      }
    }
    for (SqlLogin l : logins) {
      if (new_login_names.contains(l.name)) {
        KeepFirst(result, Report(ctx, "sql-login", l.name, Status()));
        continue;
      }
      Status st;
      if (old_login_names.contains(l.name)) st = sql.DropLogin(l.name);
      l.sid = sids->second;
      if (st.ok()) st = sql.CreateLogin(l);
      KeepFirst(result, Report(ctx, "sql-login", l.name, st));
    }
    for (SqlDbUser u : users) {
      if (new_user_keys.contains(key(u))) {
        KeepFirst(result, Report(ctx, "db-user", Name(u), Status()));
        continue;
      }
      u.login_sid = sids->second;
      KeepFirst(result, Report(ctx, "db-user", Name(u), sql.CreateDbUser(u)));
    }
    Summarize(ctx, id(), first);
    return result;
  }

 private:
  static std::string Name(const SqlDbUser& u) { return u.database + "." + u.name; }
};

}  // namespace

std::unique_ptr<Step> MakeRegrantRights() { return std::make_unique<RegrantRights>(); }
std::unique_ptr<Step> MakeRegrantGroups() { return std::make_unique<RegrantGroups>(); }
std::unique_ptr<Step> MakeRegrantAces() { return std::make_unique<RegrantAces>(); }
std::unique_ptr<Step> MakeRegrantSql() { return std::make_unique<RegrantSql>(); }

}  // namespace fixer
