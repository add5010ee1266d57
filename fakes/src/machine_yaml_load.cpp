// Machine state files: the entry points, the base machine, and the order sections apply in.
#include "machine_yaml_load.h"

#include <algorithm>
#include <exception>
#include <limits>
#include <map>
#include <string_view>
#include <unordered_map>

#include "fakes/fresh_install.h"
#include "fakes/machine_yaml.h"
#include "fakes/os_editions.h"
#include "fakes/sam.h"
#include "fakes/yaml_parse.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "fixer/utf16.h"
#include "machine_yaml_names.h"

namespace fakes {

namespace yaml {

fixer::Sid LoadContext::Principal(const Field& f) {
  const std::string text = f.Str();
  if (LooksLikeSid(text)) {
    auto sid = fixer::Sid::Parse(text);
    if (!sid) f.Fail(fixer::MalformedSidText(text));
    // A SID of this machine names an account or group that exists, or one that was deleted
    // (an orphan); a RID the machine never allocated is an unknown SID. Other domains' SIDs
    // are taken as they are.
    const MachineState& s = st();
    if (sid->IsAccountSid() && sid->Domain() == s.sam.domain && sid->Rid() >= s.sam.next_rid) {
      const bool exists = s.sam.users.FindKey(sid->Rid()) || s.sam.groups.FindKey(*sid);
      if (!exists) {
        f.Fail("unknown SID " + fixer::QuotedValue(text) + ": no account or group of this machine ever had RID " +
               std::to_string(sid->Rid()) + " (RIDs so far: below " + std::to_string(s.sam.next_rid) + ")");
      }
    }
    return *sid;
  }
  auto sid = Sam(machine).LookupName(text);
  if (!sid) {
    f.Fail("principal " + fixer::QuotedValue(text) +
           " does not resolve to an account, group or well-known SID; "
           "write a deleted account as its SID string");
  }
  return *sid;
}

void LoadContext::Check(const fixer::Status& status, const Field& at, std::string_view what) const {
  if (!status.ok()) at.Fail(std::string(what) + ": " + status.ToString());
}

void LoadContext::OnlyInFull(const MapFields& m, std::initializer_list<std::string_view> keys,
                             std::string_view why) const {
  if (full) return;
  for (std::string_view k : keys) {
    if (auto key = m.KeyOf(k)) {
      key->Fail(fixer::QuotedValue(k) + " is only accepted with base: empty (" + std::string(why) + ")");
    }
  }
}

void LoadContext::OnlyInFresh(const MapFields& m, std::initializer_list<std::string_view> keys,
                              std::string_view why) const {
  if (!full) return;
  for (std::string_view k : keys) {
    if (auto key = m.KeyOf(k)) {
      key->Fail(fixer::QuotedValue(k) + " is not accepted with base: empty (" + std::string(why) + ")");
    }
  }
}

std::vector<Entry> NamedEntries(const Field& map, std::string_view what) {
  std::vector<Entry> entries = MapEntries(map);
  std::unordered_map<std::string, size_t> seen;  // folded name -> first entry; linear for big maps
  seen.reserve(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto [first, inserted] = seen.emplace(fixer::FoldWindowsName(entries[i].key), i);
    if (!inserted) {
      entries[i].key_field.Fail(
          "duplicate " + std::string(what) + " " + fixer::QuotedValue(entries[i].key) + " (already defined at line " +
          std::to_string(entries[first->second].key_field.mark().line) + "; names are case-insensitive)");
    }
  }
  return entries;
}

namespace {

const std::initializer_list<std::string_view> kTopKeys = {
    "base", "seed", "rng_state", "clock", "os", "service_pack", "computer_name", "machine_sid", "next_rid",
    "web_server", "frameworks", "hotfixes", "policy", "groups", "accounts", "rights", "secrets", "profiles", "objects",
    "sql", "services", "applications", "session", "events", "journal", "capture", "service_passwords",
    // what `fixup-sim show --json` adds, read past (LoadMachineTree)
    "responses", "stale_profile_entries"};

// The NetBIOS computer name Windows lets a machine have [KB 909264, MS-SRVS NetprNameValidate,
// SetComputerName]: 1 to 15 characters (MAX_COMPUTERNAME_LENGTH), none of " / \ [ ] : | < > + = ; , ? *,
// no blank (SetComputerName's standard set has none: 87) nor a control character, not starting
// with a period. It qualifies account names (`XPPRO\ASPNET`) and suffixes profile folders
// (`ASPNET.XPPRO`), so a backslash in it would make a path of another folder.
std::string ComputerName(const Field& f) {
  std::string name = f.Str();
  constexpr size_t kMaxComputerNameLength = 15;
  // Counted as Windows counts a name: in UTF-16 code units (WCHARs), not in UTF-8 bytes.
  const size_t length = fixer::Utf16Length(name);
  if (length == 0 || length > kMaxComputerNameLength) {
    // A cut value already says its size (`... (60 of N bytes shown)`): the count is said once.
    const bool cut = fixer::ShownPartOf(name).size() < name.size();
    f.Fail("a NetBIOS computer name has 1 to 15 characters, got " + fixer::QuotedValue(name) +
           (cut ? "" : " (" + std::to_string(length) + ")"));
  }
  for (const char c : name) {
    if (std::string_view("\"/\\[]:|<>+=;,?* ").find(c) != std::string_view::npos ||
        static_cast<unsigned char>(c) < 0x20)
      f.Fail(fixer::QuotedValue(name) +
             " is no NetBIOS computer name: it may not hold \" / \\ [ ] : | < > + = ; , ? *, a blank or a control "
             "character (SetComputerName: 87)");
  }
  if (name.front() == '.')
    f.Fail(fixer::QuotedValue(name) + " is no NetBIOS computer name: it may not start with a period");
  // NetBIOS names are uppercase ("Computer Names"): `xppro` is the machine XPPRO, whose folders
  // and account names say XPPRO. ASCII letters only: choice-ascii-name-case.
  return fixer::UpperWindowsName(name);
}

// A scenario's own keys found in a machine mean the wrong file was given (a scenario handed to
// `show` or `aspnet-fixer --machine`) or a scenario key indented under its `machine:`; each gets
// its own message instead of "unknown key".
void RejectScenarioKeys(const Field& root, bool file_root) {
  for (const Entry& e : MapEntries(root)) {
    if (!IsScenarioFileKey(e.key)) continue;
    if (file_root) {
      e.key_field.Fail(fixer::QuotedValue(e.key) +
                       " is a scenario's key: this is a scenario file, not a machine state file (`fixup-sim run` runs "
                       "it; the machine is its 'machine:' section)");
    }
    e.key_field.Fail(fixer::QuotedValue(e.key) +
                     " is a scenario's key, not a machine's: it belongs at the top of the scenario, "
                     "not under 'machine:' (check its indentation)");
  }
}

int64_t LoadClock(const Field& f) {
  if (f.IsScalar()) {
    if (auto t = ParseUtc(f.Str())) return InWindowsTime(f, *t);
    const std::string& s = f.Str();
    const size_t digits = s.find_first_not_of("0123456789", !s.empty() && s[0] == '-' ? 1 : 0);
    // "2003-13-45T..." is a bad time, not a number
    if (!s.empty() && digits == std::string::npos) return LoadTimeSeconds(f);
  }
  f.Fail("expected seconds since 1970 or a UTC time like 2003-08-22T00:00:00Z");
}

// The last service pack of each edition (docs/windows-reference.md, "Service packs").
uint32_t LastServicePack(fixer::OsEdition os) { return FactsOf(os).last_service_pack; }

struct WebServerSpec {
  std::optional<fixer::WebServerKind> kind;
  std::optional<bool> iis5_isolation_mode;
  std::optional<std::string> app_pool_identity;
  std::map<std::string, std::string> app_pools;  // the pools besides DefaultAppPool, by name
  std::optional<Field> iis5_isolation_mode_at, app_pool_identity_at, app_pools_at;  // where the file gives them
};

// `app_pools: {ShopPool: XPPRO\webpool}`: IIS 6's pools besides DefaultAppPool, each with its
// identity. Pool names are metabase keys, which compare case-insensitively.
std::map<std::string, std::string> ReadAppPools(const Field& f) {
  if (!f.IsMap())
    f.Fail("app_pools is a map of application pool names to identities, not " + std::string(f.KindName()));
  std::map<std::string, std::string> pools;
  for (const Entry& e : MapEntries(f)) {
    if (e.key.empty() || e.key.find('/') != std::string::npos)
      e.key_field.Fail("application pool name " + fixer::QuotedValue(e.key) +
                       " is no metabase key name (empty, or holds /)");
    if (fixer::SameWindowsName(e.key, fixer::kDefaultAppPool))
      e.key_field.Fail("DefaultAppPool's identity is app_pool_identity: give it there");
    for (const auto& [name, identity] : pools) {
      if (fixer::SameWindowsName(name, e.key))
        e.key_field.Fail("application pool " + fixer::QuotedValue(e.key) + " is listed twice (as " +
                         fixer::QuotedValue(name) + "): pool names are not case-sensitive");
    }
    if (!e.value.IsScalar() || e.value.Str().empty())
      e.value.Fail("the identity of application pool " + fixer::QuotedValue(e.key) +
                   " is empty: name the account it runs as (NETWORK SERVICE)");
    pools[e.key] = e.value.Str();
  }
  return pools;
}

WebServerSpec ReadWebServer(const Field& f) {
  WebServerSpec spec;
  if (f.IsScalar()) {
    spec.kind = ParseEnum(f, std::span(kWebServerNames), "web server");
    return spec;
  }
  MapFields m(f, {"kind", "iis5_isolation_mode", "app_pool_identity", "app_pools"});
  if (auto k = m.Get("kind")) spec.kind = ParseEnum(*k, std::span(kWebServerNames), "web server");
  if (auto i = m.Get("iis5_isolation_mode")) {
    spec.iis5_isolation_mode = i->Bool();
    spec.iis5_isolation_mode_at = *i;
  }
  if (auto a = m.Get("app_pool_identity")) {
    spec.app_pool_identity = a->Str();
    spec.app_pool_identity_at = *a;
    // An application pool runs as a named identity; IIS Manager takes no empty user name.
    if (a->Str().empty()) a->Fail("app_pool_identity is empty: name the application pool's identity (NETWORK SERVICE)");
  }
  if (auto p = m.Get("app_pools")) {
    spec.app_pools = ReadAppPools(*p);
    spec.app_pools_at = *p;
  }
  return spec;
}

// Each IIS ships with its own Windows (docs/windows-reference.md#affected-platforms): 5.0 with
// Windows 2000, 5.1 with XP Professional (not XP Home), 6.0 with Server 2003 and XP Professional
// x64 Edition; IIS 5.0 isolation mode is IIS 6's alone. A pair no machine has is an input error at the value.
void CheckWebServerFitsOs(const Field& at, const WebServerSpec& web, fixer::OsEdition os) {
  using fixer::WebServerKind;
  const WebServerKind kind = web.kind.value_or(DefaultWebServer(os));
  const bool iis = kind != WebServerKind::kNone && kind != WebServerKind::kCassini;
  const bool fits = !iis || kind == FactsOf(os).web_server;
  if (!fits) {
    const char* with = kind == WebServerKind::kIis50   ? "Windows 2000"
                       : kind == WebServerKind::kIis51 ? "Windows XP Professional"
                                                       : "Windows Server 2003 and XP Professional x64 Edition";
    at.Fail(std::string(fixer::WebServerText(kind)) + " ships with " + with + " only, not " +
            std::string(fixer::ToString(os)) + "; this machine's web server is " +
            std::string(NameOf(std::span(kWebServerNames), DefaultWebServer(os)).value_or("none")) +
            ", none or cassini");
  }
  if (kind == WebServerKind::kIis60) return;
  // IIS 6.0's isolation modes and application pools; the saved form writes their defaults for
  // every server (false, NETWORK SERVICE), which therefore load anywhere.
  if (web.iis5_isolation_mode.value_or(false)) {
    (web.iis5_isolation_mode_at ? *web.iis5_isolation_mode_at : at)
        .Fail("iis5_isolation_mode is IIS 6.0's (Windows Server 2003) alone, not " +
              std::string(fixer::WebServerText(kind)) + "'s");
  }
  if (web.app_pool_identity && *web.app_pool_identity != ProductsState{}.app_pool_identity) {
    web.app_pool_identity_at->Fail(
        "app_pool_identity is IIS 6.0's (Windows Server 2003) alone: " + std::string(fixer::WebServerText(kind)) +
        " has no application pools (its ASP.NET worker's identity is processModel's userName)");
  }
  if (!web.app_pools.empty()) {
    web.app_pools_at->Fail("app_pools are IIS 6.0's (Windows Server 2003) alone: " +
                           std::string(fixer::WebServerText(kind)) + " has no application pools");
  }
}

// `machine_sid`: S-1-5-21-a-b-c, the domain of the machine's accounts.
fixer::Sid MachineSid(LoadContext& c, const Field& f) {
  const fixer::Sid sid = c.Principal(f);
  if (sid.sub_authorities().size() != 4 || sid.authority() != 5 || sid.sub_authorities()[0] != 21)
    f.Fail("a machine SID has the form S-1-5-21-a-b-c");
  return sid;
}

// The machine every section starts from: a fresh install, or nothing at all; `default_seed` when
// the file gives no `seed:`.
void LoadBase(LoadContext& c, const MapFields& top, uint64_t default_seed) {
  if (auto b = top.Get("base")) {
    const std::string base = b->Str();
    if (base == "empty") {
      c.full = true;
    } else if (base != "fresh-install") {
      b->Fail("unknown base " + fixer::QuotedValue(base) + "; expected one of: fresh-install, empty");
    }
  }
  const auto os_field = top.Get("os");
  const fixer::OsEdition os =
      os_field ? ParseEnum(*os_field, std::span(kOsNames), "os") : fixer::OsEdition::kWindowsXpProfessional;
  WebServerSpec web;
  if (auto w = top.Get("web_server")) {
    web = ReadWebServer(*w);
    CheckWebServerFitsOs(*w, web, os);
  }
  const uint64_t seed = top.Get("seed") ? top.Get("seed")->U64() : default_seed;
  const auto service_pack = top.Get("service_pack");
  const auto computer_name = top.Get("computer_name");

  if (c.full) {
    MachineState& s = c.st();
    s.seed = seed;
    s.products.os.edition = os;
    if (service_pack) s.products.os.service_pack = static_cast<int>(service_pack->U32(LastServicePack(os)));
    if (computer_name) s.products.os.computer_name = ComputerName(*computer_name);
    s.sam.domain = MachineSidFromSeed(seed);
    if (auto sid = top.Get("machine_sid")) s.sam.domain = MachineSid(c, *sid);
    if (auto rid = top.Get("next_rid")) {
      s.sam.next_rid = rid->U32();
      // The SAM gives RIDs from 1000 up: a lower next RID would give a built-in's (reserved) RID.
      if (s.sam.next_rid < kFirstAccountRid)
        rid->Fail("next_rid " + std::to_string(s.sam.next_rid) +
                  " is below 1000: RIDs below 1000 are reserved (the built-in accounts' and groups'), and the SAM "
                  "gives new accounts RIDs from 1000 up");
      c.next_rid_given = true;
    }
    if (web.kind) s.products.web.kind = *web.kind;
  } else {
    InstallOptions options;
    options.os = os;
    options.seed = seed;
    options.web_server = web.kind.value_or(DefaultWebServer(os));
    if (service_pack) options.service_pack = static_cast<int>(service_pack->U32(LastServicePack(os)));
    if (computer_name) options.computer_name = ComputerName(*computer_name);
    // A capture's: the machine's own domain, so its accounts keep their SIDs.
    if (auto sid = top.Get("machine_sid")) options.machine_sid = MachineSid(c, *sid);
    c.machine = Machine(FreshInstall(options));
    if (web.kind) c.st().products.web.kind = *web.kind;
    // The install happened at the file's clock: its own accounts' passwords were set then, not
    // at the default clock FreshInstall stamps (docs/machine-format.md `clock`).
    if (auto t = top.Get("clock")) {
      const int64_t installed_at = LoadClock(*t);
      for (UserAccount& u : c.st().sam.users) u.password_last_set = installed_at;
    }
  }
  if (web.iis5_isolation_mode) c.st().products.web.iis5_isolation_mode = *web.iis5_isolation_mode;
  if (web.app_pool_identity) c.st().products.app_pool_identity = *web.app_pool_identity;
  c.st().products.app_pools = std::move(web.app_pools);
  if (auto r = top.Get("rng_state")) c.st().rng_state = r->U64();
  // Set before anything is installed, so what installs stamps this time.
  if (auto t = top.Get("clock")) c.st().clock = LoadClock(*t);
}

MachineState LoadRoot(const Field& root, bool file_root, uint64_t default_seed) {
  LoadContext c;
  if (root.IsNull()) {  // an empty file: a fresh install with every default
    c.machine = Machine(FreshInstall(InstallOptions{.seed = default_seed}));
    return c.st();
  }
  if (root.IsMap()) RejectScenarioKeys(root, file_root);
  MapFields top(root, kTopKeys);
  // `responses` and `stale_profile_entries` are what `fixup-sim show --json` adds (each
  // application's answer, each ProfileList entry without its folder): derived from the rest, so
  // they are read past, and a shown machine loads back.
  LoadBase(c, top, default_seed);
  auto section = [&](std::string_view key, void (*load)(LoadContext&, const Field&)) {
    if (auto f = top.Get(key)) load(c, *f);
  };
  section("capture", LoadCapture);
  if (auto frameworks = top.Get("frameworks")) {
    if (c.full) {
      LoadFrameworks(c, *frameworks);
    } else {  // aspnet_regiis -i creates ASPNET: at the RID the file gives it, if it gives one
      LoadFrameworksAtWorkerRid(c, *frameworks, top.Get("accounts"));
    }
  }
  section("hotfixes", LoadHotfixes);
  if (c.full) {
    // Saved groups list their members, who must exist first.
    section("accounts", LoadAccounts);
    section("groups", LoadGroups);
  } else {
    section("groups", LoadGroups);
    section("accounts", LoadAccounts);
    section("groups", LoadGroupMembers);
    section("next_rid", LoadNextRid);
  }
  section("rights", LoadRights);
  section("secrets", LoadSecrets);
  section("profiles", LoadProfiles);
  section("objects", LoadObjects);
  if (c.captured && !c.full) {
    const auto objects = top.Get("objects");
    ScopeCapturedAces(c, objects ? &*objects : nullptr);
  }
  section("sql", LoadSql);
  section("services", LoadServices);
  section("service_passwords", LoadServicePasswords);
  section("applications", LoadApplications);
  section("policy", LoadPolicy);
  section("session", LoadSession);
  section("events", LoadEvents);
  section("journal", LoadJournal);
  return std::move(c.st());
}

}  // namespace

int64_t InWindowsTime(const Field& f, int64_t seconds) {
  if (seconds < kEarliestMachineTime || seconds > kLatestMachineTime)
    f.Fail("a time from " + std::to_string(kEarliestMachineTime) + " (1601-01-01) to " +
           std::to_string(kLatestMachineTime) + " (the year 30828) seconds since 1970, as Windows keeps one");
  return seconds;
}

int64_t LoadTimeSeconds(const Field& f) {
  // A whole number of more digits than an int64 holds is a time Windows cannot keep either, said
  // as one ("clock: 18446744073709551615" said "expected an integer").
  if (f.IsScalar()) {
    const std::string text = f.Str();
    std::string_view digits = text;
    const bool negative = digits.starts_with('-');
    if (negative) digits.remove_prefix(1);
    if (digits.size() > 19 && digits.find_first_not_of("0123456789") == std::string_view::npos)
      return InWindowsTime(f, negative ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max());
  }
  return InWindowsTime(f, f.I64());
}

}  // namespace yaml

Loaded<MachineState> LoadMachineTree(const yaml::Tree& tree, yaml::NodeId root, const std::string& file_name,
                                     uint64_t default_seed) {
  Loaded<MachineState> out;
  try {
    out.value = yaml::LoadRoot(yaml::Field(tree, root, "", &file_name, tree.node(root).mark), root == tree.root(),
                               default_seed);
  } catch (const yaml::LoadFailure& failure) {
    out.error = failure.error;
  } catch (const std::exception& e) {
    // A subsystem failed in a way the loader did not expect; still no exception escapes.
    out.error = LoadError{file_name, 0, 0, std::string("cannot load machine: ") + e.what()};
  }
  return out;
}

bool IsMachineFileKey(std::string_view key) {
  return std::find(yaml::kTopKeys.begin(), yaml::kTopKeys.end(), key) != yaml::kTopKeys.end();
}

bool IsScenarioFileKey(std::string_view key) {
  return std::find(kScenarioFileKeys.begin(), kScenarioFileKeys.end(), key) != kScenarioFileKeys.end();
}

Loaded<MachineState> LoadMachineText(std::string_view text, const std::string& file_name) {
  const yaml::ParseResult parsed = yaml::ParseYaml(text);
  if (parsed.error) {
    Loaded<MachineState> out;
    out.error = yaml::MakeError(file_name, parsed.error->mark, "invalid YAML: " + parsed.error->message);
    return out;
  }
  return LoadMachineTree(parsed.tree, parsed.tree.root(), file_name);
}

}  // namespace fakes
