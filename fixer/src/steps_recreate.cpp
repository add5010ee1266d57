// recreate's own steps: "record-grants" journals everything that names the old SID,
// "delete-account" is the point of no return, "create-account" makes the new account with the
// temporary password (same name, comment and flags; a new SID).
#include "fixer/text.h"
#include "step_factories.h"
#include "worker_password_services.h"

namespace fixer {
namespace {

class RecordGrants : public Step {
  // The explicit ACEs naming `sid`. An apply's diagnosis read them moments before (nothing between
  // it and this step writes a DACL), and its list is the one shared here: a second walk of every
  // object was a tenth of a million-ACE re-mapping. A resume has no diagnosis and reads them.
  static Result<SharedObjectAces> AcesNaming(const RepairContext& ctx, const Sid& sid) {
    if (ctx.result.diagnosis && ctx.result.diagnosis->scope.aces_read_for == sid)
      return ctx.result.diagnosis->scope.aces;
    auto aces = ctx.ports.security.FindAcesByObject(sid);
    if (!aces) return aces.status();
    return SharedObjectAces(std::move(*aces));
  }

 public:
  std::string_view id() const override { return "record-grants"; }
  PlanStep Describe(const Diagnosis* d) const override {
    std::string what = d ? Text(FMT_COMPILE("{}, {}, {}, {}, {}"), CountText(CountAces(d->scope.aces), "ACE", "ACEs"),
                                CountText(d->scope.rights.size(), "right", "rights"),
                                CountText(d->scope.groups.size(), "group", "groups"),
                                CountText(d->scope.sql_logins.size(), "SQL login", "SQL logins"),
                                CountText(d->scope.db_users.size(), "db user", "db users"))
                         : std::string("every ACE, right, group, SQL login and db user");
    return {std::string(id()), Text(FMT_COMPILE("record in the journal what names the old SID: {}"), what),
            "nothing: it only records", false};
  }
  Result<StepData> Prepare(RepairContext& ctx) override {
    auto acct = ctx.ports.accounts.Lookup(ctx.account);
    if (!acct) return acct.status();
    auto rights = ctx.ports.rights.Of(acct->sid);
    if (!rights) return rights.status();
    auto aces = AcesNaming(ctx, acct->sid);
    if (!aces) return aces.status();
    auto logins = ctx.ports.security.LoginsFor(acct->sid);
    if (!logins) return logins.status();
    auto users = ctx.ports.security.DbUsersFor(acct->sid);
    if (!users) return users.status();

    StepData data{{"old_sid", acct->sid.ToString()},
                  {"full_name", acct->full_name},
                  {"comment", acct->comment},
                  {"rights", JoinList(*rights)},
                  {"groups", JoinList(acct->groups)}};
    EncodeFlags(acct->flags, data);
    // Typed and written once: the re-grant steps read this list by reference.
    data.grants =
        std::make_shared<const RecordedGrants>(RecordedGrants{std::move(*aces), std::move(*logins), std::move(*users)});
    return data;
  }
  // The begin record is the recording; acting has nothing left to do.
  Status Act(RepairContext&, const StepData&, StepData&) override { return {}; }
  Status Undo(RepairContext&, const StepData&) override { return {}; }
  std::vector<std::string_view> data_keys() const override {
    // Its grants are typed once loaded, from the numbered families kGrantKeyFamilies names.
    std::vector<std::string_view> keys = WithFlagKeys({"old_sid", "full_name", "comment", "rights", "groups"});
    keys.insert(keys.end(), kGrantKeyFamilies.begin(), kGrantKeyFamilies.end());
    return keys;
  }
};

class DeleteAccount : public Step {
 public:
  std::string_view id() const override { return "delete-account"; }
  PlanStep Describe(const Diagnosis* d) const override {
    std::string who = d ? d->worker.account : "the worker account";
    return {std::string(id()),
            Text(FMT_COMPILE("delete {} (its SID can never come back: from here on, failures go "
                             "forward)"),
                 who),
            "none: a deleted SID cannot be restored", true};
  }
  Result<StepData> Prepare(RepairContext& ctx) override { return StepData{{"old_sid", ctx.original_sid.ToString()}}; }
  std::vector<std::string_view> data_keys() const override { return {"old_sid"}; }
  Status Act(RepairContext& ctx, const StepData& data, StepData&) override {
    auto acted = Acted(ctx, data);
    if (!acted) return acted.status();
    if (*acted) return {};
    return ctx.ports.accounts.Delete(ctx.account);
  }
  Status Undo(RepairContext& ctx, const StepData& data) override {
    auto acted = Acted(ctx, data);
    if (!acted) return acted.status();
    if (*acted) return Status::Explained(kErrorInvalidParameter, "the account was deleted; its SID cannot come back");
    return {};
  }
  bool irreversible() const override { return true; }
  // Deleted when no account of that name carries the old SID any more.
  Result<bool> Acted(RepairContext& ctx, const StepData& data) override {
    auto acct = ctx.ports.accounts.Lookup(ctx.account);
    if (!acct) {
      if (acct.status().code() == kNerrUserNotFound) return true;
      return acct.status();
    }
    return acct->sid.ToString() != Get(data, "old_sid");
  }
};

class CreateAccount : public Step {
 public:
  explicit CreateAccount(TempPasswordFrom password) : password_(password) {}
  std::string_view id() const override { return "create-account"; }
  PlanStep Describe(const Diagnosis* d) const override {
    std::string who = d ? d->worker.account : "the worker account";
    return {
        std::string(id()),
        Text(FMT_COMPILE("create {} again with {} temporary password (a new SID)"), who, TempPasswordWords(password_)),
        std::string(kForwardOnlyUndo), false};
  }
  Result<StepData> Prepare(RepairContext& ctx) override {
    const StepData& recorded = ctx.DataOf("record-grants");
    StepData data{{"old_sid", Get(recorded, "old_sid")},
                  {"full_name", Get(recorded, "full_name")},
                  {"comment", Get(recorded, "comment")}};
    EncodeFlags(DecodeFlags(recorded), data);
    auto services = ReadWorkerPasswordServices(ctx);
    if (!services) return services.status();
    if (!services->empty()) data[kPasswordServices] = JoinList(*services);
    return data;
  }
  Status Act(RepairContext& ctx, const StepData& data, StepData& done) override {
    auto pw = ctx.TempPassword();
    if (!pw) return pw.status();
    auto existing = ctx.ports.accounts.Lookup(ctx.account);
    if (existing) {
      if (existing->sid.ToString() == Get(data, "old_sid")) {
        return Status::Explained(kNerrUserExists, "the old account still exists");
      }
      // Created before a crash (or by aspnet_regiis): make its password the one held here.
      Status st = ctx.ports.accounts.SetPassword(ctx.account, *pw);
      if (!st.ok()) return st;
      done["new_sid"] = existing->sid.ToString();
    } else {
      if (existing.status().code() != kNerrUserNotFound) return existing.status();
      NewAccount spec{ctx.account, Get(data, "full_name"), Get(data, "comment"), DecodeFlags(data)};
      spec.flags.locked_out = false;
      auto sid = ctx.ports.accounts.Create(spec, *pw);
      if (!sid) return sid.status();
      done["new_sid"] = sid->ToString();
    }
    ctx.temp_password_applied = true;
    ctx.Say(Text(FMT_COMPILE("{} recreated with SID {} (was {})"), ctx.account, done["new_sid"], Get(data, "old_sid")));
    // The SCM still keeps the deleted account's password for them.
    return GiveServicesWorkerPassword(ctx, *pw);
  }
  Status Undo(RepairContext&, const StepData&) override { return {}; }
  bool sets_temp_password() const override { return true; }
  std::vector<std::string_view> data_keys() const override {
    // new_sid: its done record's
    return WithFlagKeys({"old_sid", "full_name", "comment", "new_sid", kPasswordServices});
  }

 private:
  TempPasswordFrom password_;
};

}  // namespace

std::unique_ptr<Step> MakeRecordGrants() { return std::make_unique<RecordGrants>(); }
std::unique_ptr<Step> MakeDeleteAccount() { return std::make_unique<DeleteAccount>(); }
std::unique_ptr<Step> MakeCreateAccount(TempPasswordFrom password) { return std::make_unique<CreateAccount>(password); }

}  // namespace fixer
