// "create-profile" (a profile-loading logon as the account, what runas /profile does) and
// "register" (aspnet_regiis -i: a new random password in the LSA secret, default rights/ACLs).
#include <fmt/format.h>

#include "profile_check.h"
#include "step_factories.h"

namespace fixer {
namespace {

// Runs and exits at once: the logon itself creates the profile.
constexpr const char* kProfileCommand = "cmd.exe /c exit";

class CreateProfile : public Step {
 public:
  std::string_view id() const override { return "create-profile"; }
  PlanStep Describe(const Diagnosis* d) const override {
    std::string who = d ? d->worker.account : "the worker account";
    return {std::string(id()),
            fmt::format("log on as {} with its profile loaded (as runas /profile does), which "
                        "creates the profile", who),
            "delete the profile it created", false};
  }
  Result<StepData> Prepare(RunContext& ctx) override {
    auto acct = ctx.ports.accounts.Lookup(ctx.account);
    if (!acct) return acct.status();
    auto profile = ctx.ports.profiles.Find(acct->sid);
    if (!profile) return profile.status();
    return StepData{{"sid", acct->sid.ToString()},
                    {"had_profile", EncodeBool(IsUsable(*profile))},
                    {"stale_entry", EncodeBool(profile->has_value() && !IsUsable(*profile))}};
  }
  Status Act(RunContext& ctx, const StepData& data, StepData& done) override {
    auto sid = Sid::Parse(Get(data, "sid"));
    if (!sid) return sid.status();
    auto profile = ctx.ports.profiles.Find(*sid);
    if (!profile) return profile.status();
    if (!IsUsable(*profile)) {
      if (profile->has_value()) {
        // A ProfileList entry without its folder would only give a temporary profile.
        Status st = OkIf(ctx.ports.profiles.Delete(*sid), kErrorFileNotFound);
        if (!st.ok()) return st;
      }
      auto pw = ctx.TempPassword();
      if (!pw) return pw.status();
      Status st = ctx.ports.logon.RunWithProfile(ctx.account, *pw, kProfileCommand);
      if (!st.ok()) return st;
      profile = ctx.ports.profiles.Find(*sid);
      if (!profile) return profile.status();
      if (!IsUsable(*profile)) {
        return Status(kErrorFileNotFound, "the logon succeeded but no profile was created");
      }
    }
    done["profile_path"] = (*profile)->path;
    return {};
  }
  Status Undo(RunContext& ctx, const StepData& data) override {
    if (DecodeBool(Get(data, "had_profile"))) return {};
    auto sid = Sid::Parse(Get(data, "sid"));
    if (!sid) return sid.status();
    return OkIf(ctx.ports.profiles.Delete(*sid), kErrorFileNotFound);
  }
  bool needs_temp_password() const override { return true; }
};

class Register : public Step {
 public:
  std::string_view id() const override { return "register"; }
  PlanStep Describe(const Diagnosis*) const override {
    return {std::string(id()),
            fmt::format("re-register ASP.NET {} (aspnet_regiis -i): new random password in the "
                        "LSA secret, default rights and ACLs", kFramework10),
            "nothing: the account's password and the LSA secret agree again", false};
  }
  Result<StepData> Prepare(RunContext&) override {
    return StepData{{"version", std::string(kFramework10)}};
  }
  Status Act(RunContext& ctx, const StepData& data, StepData&) override {
    Status st = ctx.ports.aspnet.Register(Get(data, "version"));
    // The temporary password is no longer the account's.
    if (st.ok()) ctx.temp_password_applied = false;
    return st;
  }
  Status Undo(RunContext&, const StepData&) override { return {}; }
};

}  // namespace

std::unique_ptr<Step> MakeCreateProfile() { return std::make_unique<CreateProfile>(); }
std::unique_ptr<Step> MakeRegister() { return std::make_unique<Register>(); }

}  // namespace fixer
