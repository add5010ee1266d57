#include "fakes/lsa.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "fakes/os_editions.h"
#include "fixer/name_case.h"
#include "fixer/ports/rights.h"

namespace fakes {
namespace {

using fixer::Status;

// "Impersonate a client after authentication" and "Create global objects": new in Windows 2000
// SP4, XP SP2 and Server 2003 [S: KB 821546, docs/windows-reference.md#rights].
bool LaterPrivilege(std::string_view canonical) {
  return canonical == "SeImpersonatePrivilege" || canonical == "SeCreateGlobalPrivilege";
}
bool HasLaterPrivileges(const fixer::OsInfo& os) {
  return os.service_pack >= FactsOf(os.edition).later_privileges_from;
}

// The secret keystream, a byte at a time: SplitMix64 seeded from the machine seed and an FNV-1a
// hash of the key name, each output's bytes lowest first. This is obfuscation, not cryptography:
// anyone with the state file and this code can recover a secret. It only keeps secrets out of
// plain sight in state files and diffs. Applied as the bytes go, so no copy of the clear text
// or of the stream is made.
class Keystream {
 public:
  Keystream(uint64_t machine_seed, std::string_view key) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : key) h = (h ^ c) * 0x100000001b3ull;
    state_ = machine_seed ^ h;
  }
  unsigned char Next() {
    if (left_ == 0) {
      uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      word_ = z ^ (z >> 31);
      left_ = 8;
    }
    const auto b = static_cast<unsigned char>(word_);
    word_ >>= 8;
    --left_;
    return b;
  }

 private:
  uint64_t state_ = 0;
  uint64_t word_ = 0;
  int left_ = 0;
};

// The value of a hex digit (either case), or -1: a table, as a secret's every digit is read.
constexpr std::array<int8_t, 256> kHexValues = [] {
  std::array<int8_t, 256> values{};
  values.fill(-1);
  for (int i = 0; i < 10; ++i) values['0' + i] = static_cast<int8_t>(i);
  for (int i = 0; i < 6; ++i) values['a' + i] = values['A' + i] = static_cast<int8_t>(10 + i);
  return values;
}();

int HexValue(char c) { return kHexValues[static_cast<unsigned char>(c)]; }

}  // namespace

std::string_view AllowRightFor(LogonType type) {
  switch (type) {
    case LogonType::kInteractive: return fixer::kSeInteractiveLogonRight;
    case LogonType::kNetwork: return fixer::kSeNetworkLogonRight;
    case LogonType::kBatch: return fixer::kSeBatchLogonRight;
    case LogonType::kService: return fixer::kSeServiceLogonRight;
    case LogonType::kRemoteInteractive: return fixer::kSeRemoteInteractiveLogonRight;
  }
  return fixer::kSeInteractiveLogonRight;
}

std::string_view DenyRightFor(LogonType type) {
  switch (type) {
    case LogonType::kInteractive: return fixer::kSeDenyInteractiveLogonRight;
    case LogonType::kNetwork: return fixer::kSeDenyNetworkLogonRight;
    case LogonType::kBatch: return fixer::kSeDenyBatchLogonRight;
    case LogonType::kService: return fixer::kSeDenyServiceLogonRight;
    case LogonType::kRemoteInteractive: return fixer::kSeDenyRemoteInteractiveLogonRight;
  }
  return fixer::kSeDenyInteractiveLogonRight;
}

namespace {

// AllowRightFor(type) (or DenyRightFor) as its index in KnownRightNames: looked up once, not on
// every logon.
size_t LogonRight(LogonType type, bool deny) {
  static constexpr LogonType kTypes[] = {LogonType::kInteractive, LogonType::kNetwork, LogonType::kBatch,
                                         LogonType::kService, LogonType::kRemoteInteractive};
  static const auto rights = [] {
    std::array<std::array<size_t, 2>, std::size(kTypes)> table;
    for (LogonType t : kTypes) {
      table[static_cast<size_t>(t)] = {*KnownRightIndex(AllowRightFor(t)), *KnownRightIndex(DenyRightFor(t))};
    }
    return table;
  }();
  return rights[static_cast<size_t>(type)][deny ? 1 : 0];
}

// "S-1-5-21-...-1004 SeBatchLogonRight": a grant's or revoke's trace target, in one string.
std::string RightTarget(const fixer::Sid& sid, const std::string& right) {
  std::string target = sid.ToString();
  target.reserve(target.size() + 1 + right.size());
  target.append(1, ' ').append(right);
  return target;
}

// The index of `name`, a pointer CanonicalRight answered (into KnownRightNames).
size_t IndexOfCanonical(const std::string* name) { return static_cast<size_t>(name - KnownRightNames().data()); }

}  // namespace

const std::string* CanonicalRight(std::string_view right) {
  for (const std::string& r : KnownRightNames()) {
    if (r.size() == right.size() && fixer::SameWindowsName(r, right)) return &r;
  }
  return nullptr;
}

bool IsKnownRight(std::string_view right) { return CanonicalRight(right) != nullptr; }

const std::string* CanonicalRightOn(const fixer::OsInfo& os, std::string_view right) {
  const std::string* name = CanonicalRight(right);
  if (name && LaterPrivilege(*name) && !HasLaterPrivileges(os)) return nullptr;
  return name;
}

// Grant and Revoke only call Mutate when they would change something: an idempotent repeat
// is not a mutation, so it is no fault point either.
fixer::Status Lsa::Grant(const fixer::Sid& sid, const std::string& right) {
  const std::string* name = CanonicalRightOn(m_.state().products.os, right);
  if (name == nullptr) return Status::Win(fixer::kErrorNoSuchPrivilege);
  const size_t index = IndexOfCanonical(name);
  auto& rights = m_.state().lsa.rights;
  if (auto it = rights.find(sid); it != rights.end() && it->second.Has(index)) return Status::Ok();
  if (Status st = m_.Mutate("lsa.grant", RightTarget(sid, *name)); !st.ok()) return st;
  rights[sid].Add(index);
  return Status::Ok();
}

fixer::Status Lsa::Revoke(const fixer::Sid& sid, const std::string& right) {
  const std::string* name = CanonicalRightOn(m_.state().products.os, right);
  if (name == nullptr) return Status::Win(fixer::kErrorNoSuchPrivilege);
  const size_t index = IndexOfCanonical(name);
  auto& rights = m_.state().lsa.rights;
  auto it = rights.find(sid);
  if (it == rights.end() || !it->second.Has(index)) return Status::Ok();
  if (Status st = m_.Mutate("lsa.revoke", RightTarget(sid, *name)); !st.ok()) return st;
  it->second.Remove(index);
  if (it->second.empty()) rights.erase(it);  // LSA drops an account object with no rights
  return Status::Ok();
}

std::vector<std::string> Lsa::RightsOf(const fixer::Sid& sid) const {
  const auto& rights = m_.state().lsa.rights;
  auto it = rights.find(sid);
  if (it == rights.end()) return {};
  return {it->second.begin(), it->second.end()};  // a RightSet iterates them sorted
}

bool Lsa::IsLogonAllowed(const std::vector<fixer::Sid>& token, LogonType type) const {
  return LogonAllowedIn(m_.state(), token, type);
}

bool LogonAllowedIn(const MachineState& state, const std::vector<fixer::Sid>& token, LogonType type) {
  const auto& rights = state.lsa.rights;
  const size_t allow = LogonRight(type, false);
  const size_t deny = LogonRight(type, true);
  bool allowed = false;
  for (const fixer::Sid& sid : token) {
    auto it = rights.find(sid);
    if (it == rights.end()) continue;
    if (it->second.Has(deny)) return false;  // deny wins over any allow
    if (it->second.Has(allow)) allowed = true;
  }
  return allowed;
}

std::string StoredSecretName(const MachineState& state, const std::string& key) {
  const auto it = state.lsa.secrets.find(key);
  return it == state.lsa.secrets.end() ? key : it->first;
}

fixer::Status Lsa::StoreSecret(const std::string& named, const fixer::Secret& value) {
  const std::string key = StoredSecretName(m_.state(), named);
  if (Status st = m_.Mutate("lsa.store_secret", key); !st.ok()) return st;
  const std::string_view clear = value.Reveal();
  Keystream stream(m_.state().seed, key);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(clear.size() * 2, '\0');
  for (size_t i = 0; i < clear.size(); ++i) {
    const auto b = static_cast<unsigned char>(static_cast<unsigned char>(clear[i]) ^ stream.Next());
    hex[2 * i] = kHex[b >> 4];
    hex[2 * i + 1] = kHex[b & 0xF];
  }
  m_.state().lsa.secrets[key] = std::move(hex);
  m_.state().lsa.redacted_secrets.erase(key);  // a known value now, no capture's stand-in
  return Status::Ok();
}

fixer::Result<fixer::Secret> Lsa::RetrieveSecret(const std::string& key) const {
  return RetrieveSecretIn(m_.state(), key);
}

fixer::Result<fixer::Secret> RetrieveSecretIn(const MachineState& state, const std::string& named) {
  const auto& secrets = state.lsa.secrets;
  auto it = secrets.find(named);  // in any spelling; its keystream is keyed by the name it is kept under
  if (it == secrets.end()) return Status::Win(fixer::kErrorFileNotFound);
  const std::string& key = it->first;
  const std::string& hex = it->second;
  if (hex.size() % 2 != 0) return Status::Win(fixer::kErrorInvalidData);
  Keystream stream(state.seed, key);
  std::string clear(hex.size() / 2, '\0');
  for (size_t i = 0; i < clear.size(); ++i) {
    const int hi = HexValue(hex[2 * i]);
    const int lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return Status::Win(fixer::kErrorInvalidData);  // a hand-edited state file
    clear[i] = static_cast<char>((hi << 4 | lo) ^ stream.Next());
  }
  return fixer::Secret::FromString(std::move(clear));
}

fixer::Status Lsa::EraseSecret(const std::string& named) {
  auto& secrets = m_.state().lsa.secrets;
  const auto it = secrets.find(named);  // in any spelling
  if (it == secrets.end()) return Status::Win(fixer::kErrorFileNotFound);
  const std::string key = it->first;
  if (Status st = m_.Mutate("lsa.erase_secret", key); !st.ok()) return st;
  secrets.erase(key);
  m_.state().lsa.redacted_secrets.erase(key);
  return Status::Ok();
}

}  // namespace fakes
