// "create-profile" (a profile-loading logon as the account, what runas /profile does) and
// "register" (aspnet_regiis -i: a new random password in the LSA secret, default rights/ACLs).
#include <algorithm>

#include <fmt/format.h>

#include "fixer/name_case.h"
#include "fixer/text.h"
#include "object_aces_index.h"
#include "profile_check.h"
#include "step_factories.h"
#include "worker_password_services.h"

namespace fixer {
namespace {

// Runs and exits at once: the logon itself creates the profile.
constexpr const char* kProfileCommand = "cmd.exe /c exit";

// A profile made in a folder not named as the account: Windows names a new profile
// "User.COMPUTERNAME" when the folder "User" is taken (KB 324734), said with what takes it. `sid`:
// the account's now, which a recreate made; its original SID's entry, which the recreate left, may
// be what takes it. A read that fails leaves the why unsaid: the profile is made all the same.
void SayWhereTheProfileWent(RepairContext& ctx, const Sid& sid, const std::string& path) {
  std::vector<std::string> folders = TakenProfileFolders(path, ctx.account);
  if (folders.empty()) return;  // the folder named as the account, as the reader expects
  std::vector<KnownProfileEntry> known;
  if (!(ctx.original_sid == sid) && !ctx.original_sid.IsNull()) {
    auto old = ctx.ports.profiles.Find(ctx.original_sid);
    if (old && *old)
      known.push_back({Text(FMT_COMPILE("{}'s old SID {}"), ctx.account, ctx.original_sid), (*old)->path, ""});
  }
  auto why = WhyProfileFoldersTaken(ctx.ports.profiles, folders, known);
  std::vector<TakenProfileName> taken;
  if (why) {
    taken = std::move(*why);
  } else {
    for (std::string& folder : folders) taken.push_back({std::move(folder), ""});
  }
  ctx.Say(Text(FMT_COMPILE("the profile of {} was made at {}: {}, so Windows gave the new one another name"),
               ctx.account, path, TakenNamesText(taken, true)));
}

class CreateProfile : public Step {
 public:
  explicit CreateProfile(Strategy strategy) : strategy_(strategy) {}
  std::string_view id() const override { return "create-profile"; }
  PlanStep Describe(const Diagnosis* d) const override {
    std::string who = d ? d->worker.account : "the worker account";
    // Where it goes, said when the folder named as the account is taken: the reader expects that one.
    std::string where;
    if (d && !d->worker.new_profile_path.empty()) {
      const std::vector<std::string> taken = TakenProfileFolders(d->worker.new_profile_path, who);
      if (!taken.empty()) {
        where = Text(FMT_COMPILE(" at {} ({})"), d->worker.new_profile_path,
                     d->worker.new_profile_taken.empty()
                         ? Text(FMT_COMPILE("{} {} taken"), fmt::join(taken, " and "), taken.size() == 1 ? "is" : "are")
                         : d->worker.new_profile_taken);
      }
    }
    // keep-sid logs on as the account whose entry names a missing folder (recreate's new SID has none).
    const bool removes_stale =
        d && strategy_ == Strategy::kKeepSid && !d->worker.has_profile && !d->worker.profile_path.empty();
    if (removes_stale) {
      return {std::string(id()),
              Text(FMT_COMPILE("remove the ProfileList entry of {} (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\"
                               "CurrentVersion\\ProfileList\\{}), which names {}, a folder that does not exist, "
                               "its values kept in the journal; then log on as {} with its profile loaded (as "
                               "runas /profile does), which creates the profile{}"),
                   who, d->worker.sid, d->worker.profile_path, who, where),
              "delete the profile it created and write the ProfileList entry it removed back, value for value", false};
    }
    return {std::string(id()),
            Text(FMT_COMPILE("log on as {} with its profile loaded (as runas /profile does), which "
                             "creates the profile{}"),
                 who, where),
            "delete the profile it created", false};
  }
  Result<StepData> Prepare(RepairContext& ctx) override {
    auto acct = ctx.ports.accounts.Lookup(ctx.account);
    if (!acct) return acct.status();
    auto profile = ctx.ports.profiles.Find(acct->sid);
    if (!profile) return profile.status();
    const bool stale = profile->has_value() && !IsUsable(*profile);
    StepData data{{"sid", acct->sid.ToString()},
                  {"had_profile", EncodeBool(IsUsable(*profile))},
                  {"stale_entry", EncodeBool(stale)}};
    if (!stale) return data;
    // Every value of the entry Act removes, in the begin record: an undo, even after a crash,
    // writes it back as it was.
    auto entry = ctx.ports.profiles.ReadEntry(acct->sid);
    if (!entry) return entry.status();
    if (entry->has_value()) {
      std::vector<std::string> values;
      for (const RegistryValue& v : (*entry)->values) values.push_back(EncodeRegistryValue(v));
      data[kStaleEntryValues] = JoinList(values);
    }
    return data;
  }
  Status Act(RepairContext& ctx, const StepData& data, StepData& done) override {
    auto sid = Sid::Parse(Get(data, "sid"));
    if (!sid) return sid.status();
    auto profile = ctx.ports.profiles.Find(*sid);
    if (!profile) return profile.status();
    if (!IsUsable(*profile)) {
      if (profile->has_value()) {
        // A ProfileList entry without its folder (Prepare recorded its values, or a logon of this
        // step half made it): removed, the logon makes a profile of its own
        // (docs/windows-reference.md#profiles).
        Status st = OkIf(ctx.ports.profiles.RemoveEntry(*sid), kErrorFileNotFound);
        if (!st.ok()) return st;
      }
      auto pw = ctx.TempPassword();
      if (!pw) return pw.status();
      Status st = ctx.ports.logon.RunWithProfile(ctx.account, *pw, kProfileCommand);
      if (!st.ok()) return st;
      profile = ctx.ports.profiles.Find(*sid);
      if (!profile) return profile.status();
      if (!IsUsable(*profile)) {
        return Status::Explained(kErrorFileNotFound, "the logon succeeded but no profile was created");
      }
      SayWhereTheProfileWent(ctx, *sid, (*profile)->path);
    }
    done["profile_path"] = (*profile)->path;
    return {};
  }
  Status Undo(RepairContext& ctx, const StepData& data) override {
    if (DecodeBool(Get(data, "had_profile"))) return {};
    auto sid = Sid::Parse(Get(data, "sid"));
    if (!sid) return sid.status();
    // The profile its logon made goes (DeleteProfile: entry and folder); an entry without its folder
    // (the stale one, if Act never ran, or one a crash left half made) goes alone.
    auto now = ctx.ports.profiles.Find(*sid);
    if (!now) return now.status();
    if (now->has_value()) {
      Status st = IsUsable(*now) ? ctx.ports.profiles.Delete(*sid) : ctx.ports.profiles.RemoveEntry(*sid);
      if (st = OkIf(st, kErrorFileNotFound); !st.ok()) return st;
    }
    // The stale entry it removed goes back, value for value, its folder still missing.
    if (!data.count(kStaleEntryValues)) return {};
    ProfileListEntry entry{*sid, {}};
    for (const std::string& encoded : SplitList(Get(data, kStaleEntryValues))) {
      auto value = DecodeRegistryValue(encoded);
      if (!value) return value.status();
      entry.values.push_back(std::move(*value));
    }
    return ctx.ports.profiles.WriteEntry(entry);
  }
  bool needs_temp_password() const override { return true; }
  // The logon needs the restrictions lifted again once restore-restrictions has run.
  std::string_view resume_from() const override { return "lift-restrictions"; }
  std::vector<std::string_view> data_keys() const override {
    return {"sid", "had_profile", "stale_entry", kStaleEntryValues, "profile_path"};  // profile_path: done's
  }

 private:
  static constexpr const char* kStaleEntryValues = "stale_entry_values";  // each EncodeRegistryValue
  Strategy strategy_;
};

class Register : public Step {
 public:
  std::string_view id() const override { return "register"; }
  PlanStep Describe(const Diagnosis*) const override {
    return {std::string(id()),
            Text(FMT_COMPILE("re-register ASP.NET {} (aspnet_regiis -i): new random password in the "
                             "LSA secret, default rights and ACLs"),
                 kFramework10),
            "put back the account flags it found, revoke the rights it granted, remove the ACEs it "
            "gave the account and point back the script maps it moved (aspnet_regiis -sn or -kn; "
            "the password and the LSA secret agree either way)",
            false};
  }
  // aspnet_regiis -i also sets "password never expires" and "cannot change password" and grants
  // its default rights (a missing SeBatchLogonRight among them) and ACLs: the flags, rights and
  // explicit ACEs found are recorded so an undo leaves the account as it was.
  // It also points every script map older than its version at it: those found are recorded too.
  Result<StepData> Prepare(RepairContext& ctx) override {
    StepData data{{"version", std::string(kFramework10)}};
    auto apps = ctx.ports.aspnet.Applications();
    if (!apps) return apps.status();
    if (std::string maps = RecordScriptMaps(*apps); !maps.empty()) data[kScriptMaps] = std::move(maps);
    auto acct = ctx.ports.accounts.Lookup(ctx.account);
    if (!acct) {
      if (acct.status().code() != kNerrUserNotFound) return acct.status();
      return data;
    }
    EncodeFlags(acct->flags, data);
    auto rights = ctx.ports.rights.Of(acct->sid);
    if (!rights) return rights.status();
    data["sid"] = acct->sid.ToString();
    data["rights"] = JoinList(*rights);
    // Past a recreate's delete this step is never undone: its ACEs (the re-granted ones, perhaps a
    // million) would be read and journaled for nothing.
    if (ctx.forward_only) return data;
    auto aces = ctx.ports.security.FindAcesByObject(acct->sid);
    if (!aces) return aces.status();
    data[kAcesRecorded] = EncodeBool(true);  // none held is a record too: every ACE then came from the step
    if (!aces->empty()) data.grants = std::make_shared<const RecordedGrants>(RecordedGrants{std::move(*aces), {}, {}});
    return data;
  }
  Status Act(RepairContext& ctx, const StepData& data, StepData&) override {
    Status st = ctx.ports.aspnet.Register(Get(data, "version"));
    if (!st.ok()) {
      // aspnet_regiis -i did not replace the temporary password (this process's, or one set
      // before a crash): never leave it valid on the account, nor the worker unable to log on.
      if (Status back = RestoreWorkerPassword(ctx); !back.ok()) {
        ctx.Say(Text(FMT_COMPILE("the password of {} could not be put back to the one ASP.NET "
                                 "keeps: {}"),
                     ctx.account, back));
        return st;
      }
    }
    // The temporary password is no longer the account's.
    ctx.temp_password_applied = false;
    if (!st.ok()) return st;
    // aspnet_regiis's new password reaches the services logging on with the worker's from the LSA
    // secret, whether or not aspnet_regiis gives it to its own (the model's choice, untracked).
    return GiveServicesLsaPassword(ctx);
  }
  Status Undo(RepairContext& ctx, const StepData& data) override {
    if (Status st = PutScriptMapsBack(ctx, Get(data, kScriptMaps)); !st.ok()) return st;
    if (!data.count("disabled")) return {};  // the account did not exist: nothing recorded
    AccountFlags back = DecodeFlags(data);
    back.locked_out = false;  // SetFlags can only unlock
    if (Status st = OkIf(ctx.ports.accounts.SetFlags(ctx.account, back), kNerrUserNotFound); !st.ok()) return st;
    if (!data.count("rights")) return {};  // recorded by an older journal: flags only
    auto sid = Sid::Parse(Get(data, "sid"));
    if (!sid) return sid.status();
    auto now = ctx.ports.rights.Of(*sid);
    if (!now) return now.status();
    const std::vector<std::string> found = SplitList(Get(data, "rights"));
    for (const std::string& right : *now) {
      if (std::find(found.begin(), found.end(), right) != found.end()) continue;
      if (Status st = ctx.ports.rights.Revoke(*sid, right); !st.ok()) return st;
    }
    if (!DecodeBool(Get(data, kAcesRecorded))) return {};  // recorded by an older journal: no ACEs
    return RemoveAcesAdded(ctx, *sid, GrantsOf(data).aces);
  }

  std::vector<std::string_view> data_keys() const override {
    // Its ACEs are typed once loaded, from the ace.N keys.
    return WithFlagKeys({"version", kScriptMaps, "sid", "rights", kAcesRecorded, kAceKeyFamily});
  }

 private:
  static constexpr const char* kAcesRecorded = "aces_recorded";
  static constexpr const char* kScriptMaps = "script_maps";

  // One entry per application not mapped to this step's version: "<path>|<version found>".
  static std::string RecordScriptMaps(const std::vector<ApplicationInfo>& apps) {
    std::vector<std::string> entries;
    for (const ApplicationInfo& app : apps) {
      if (app.framework_version == kFramework10) continue;  // -i leaves it as it is
      entries.push_back(EscapeField(app.path) + '|' + EscapeField(app.framework_version));
    }
    return JoinList(entries);
  }

  // Each recorded application that -i moved goes back to the version it was found with.
  static Status PutScriptMapsBack(RepairContext& ctx, const std::string& recorded) {
    if (recorded.empty()) return {};  // none was found off this version, or an older journal
    auto now = ctx.ports.aspnet.Applications();
    if (!now) return now.status();
    for (const std::string& entry : SplitList(recorded)) {
      const size_t bar = entry.find('|');  // EscapeField escapes every '|' but this one
      if (bar == std::string::npos) continue;
      const std::string path = UnescapeField(std::string_view(entry).substr(0, bar));
      const std::string version = UnescapeField(std::string_view(entry).substr(bar + 1));
      auto app = std::find_if(now->begin(), now->end(),
                              [&](const ApplicationInfo& a) { return SameWindowsName(a.path, path); });
      if (app == now->end() || app->framework_version == version) continue;  // gone since, or as found
      if (Status st = ctx.ports.aspnet.SetScriptMap(path, version); !st.ok()) return st;
    }
    return {};
  }

  // The explicit ACEs naming `sid` now that it did not hold when found, off each object in one write.
  static Status RemoveAcesAdded(RepairContext& ctx, const Sid& sid, const std::vector<ObjectAces>& found) {
    auto now = ctx.ports.security.FindAcesByObject(sid);
    if (!now) return now.status();
    const ObjectAcesIndex found_by_object(found);
    for (const ObjectAces& object : *now) {
      const ObjectAces* was = found_by_object.Find(object.object);
      std::vector<Ace> added;
      for (const Ace& ace : object.aces)
        if (was == nullptr || std::find(was->aces.begin(), was->aces.end(), ace) == was->aces.end())
          added.push_back(ace);
      if (added.empty()) continue;
      // An object gone since needs nothing taken off.
      Status st =
          OkIf(OkIf(ctx.ports.security.RemoveAces(object.object, added), kErrorFileNotFound), kErrorPathNotFound);
      if (!st.ok()) return st;
    }
    return {};
  }
};

}  // namespace

std::unique_ptr<Step> MakeCreateProfile(Strategy strategy) { return std::make_unique<CreateProfile>(strategy); }
std::unique_ptr<Step> MakeRegister() { return std::make_unique<Register>(); }

}  // namespace fixer
