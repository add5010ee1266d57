// Encoding of undo data into journal records; see fixer/journal_codec.h.
#include "fixer/journal_codec.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "fixer/quoted_value.h"
#include "fixer/sid.h"
#include "fixer/text.h"

namespace fixer {
namespace {

constexpr char kListSep = ',';
constexpr char kFieldSep = '|';
constexpr char kRoleSep = ';';  // a list nested inside a field

std::vector<std::string_view> SplitRaw(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t end = s.find(sep, pos);
    if (end == std::string_view::npos) {
      out.push_back(s.substr(pos));
      return out;
    }
    out.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
}

// The characters EscapeField writes as %XX, by byte: one load per character of a field.
constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> escaped{};
  for (unsigned char c : std::string_view("%|,;\n\r")) escaped[c] = true;
  return escaped;
}();

// EscapeField(s), appended to `out`: the runs between characters to escape are appended whole,
// and each character to escape as % and its two upper-case hex digits ("|" is "%7C").
void AppendEscaped(std::string& out, std::string_view s) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  size_t from = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!kEscaped[c]) continue;
    out.append(s.data() + from, i - from);
    const char escape[] = {'%', kHex[c >> 4], kHex[c & 0xF]};
    out.append(escape, sizeof escape);
    from = i + 1;
  }
  out.append(s.data() + from, s.size() - from);
}

std::string JoinEscaped(const std::vector<std::string>& items, char sep) {
  size_t size = items.size();
  for (const std::string& item : items) size += item.size();
  std::string out;
  out.reserve(size);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    AppendEscaped(out, items[i]);
  }
  return out;
}

std::vector<std::string> SplitEscaped(std::string_view joined, char sep) {
  std::vector<std::string> out;
  if (joined.empty()) return out;
  out.reserve(static_cast<size_t>(std::count(joined.begin(), joined.end(), sep)) + 1);
  // Each part unescaped where it is found: no vector of the raw parts first (SplitRaw).
  for (size_t pos = 0;;) {
    const size_t end = joined.find(sep, pos);
    out.push_back(UnescapeField(joined.substr(pos, end == std::string_view::npos ? end : end - pos)));
    if (end == std::string_view::npos) return out;
    pos = end + 1;
  }
}

Result<uint32_t> ParseHex(std::string_view s) {
  if (s.starts_with("0x")) s.remove_prefix(2);
  uint32_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, 16);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) {
    return Status::Win(kErrorInvalidParameter);
  }
  return v;
}

Result<ObjectNamespace> ParseNamespace(std::string_view s) {
  for (ObjectNamespace ns : kObjectNamespaces) {
    if (ToString(ns) == s) return ns;
  }
  return Status::Win(kErrorInvalidParameter);
}

}  // namespace

std::string EscapeField(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendEscaped(out, s);
  return out;
}

std::string UnescapeField(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  // Copies the runs between escapes whole: most fields have none.
  for (size_t i = 0; i < s.size();) {
    const size_t pct = s.find('%', i);
    out.append(s.substr(i, pct - i));
    if (pct == std::string_view::npos) break;
    unsigned v = 0;
    if (pct + 2 < s.size()) {
      if (auto [p, ec] = std::from_chars(s.data() + pct + 1, s.data() + pct + 3, v, 16);
          ec == std::errc() && p == s.data() + pct + 3) {
        out += static_cast<char>(v);
        i = pct + 3;
        continue;
      }
    }
    out += '%';
    i = pct + 1;
  }
  return out;
}

std::string JoinList(const std::vector<std::string>& items) { return JoinEscaped(items, kListSep); }
std::vector<std::string> SplitList(std::string_view joined) { return SplitEscaped(joined, kListSep); }

std::string EncodeBool(bool b) { return b ? "1" : "0"; }
bool DecodeBool(std::string_view s) { return s == "1"; }

std::string EncodeAce(const AceGrant& g) {
  return JoinEscaped(
      {std::string(ToString(g.object.ns)), g.object.path, g.ace.type == AceType::kAllow ? "allow" : "deny",
       g.ace.sid.ToString(), Text(FMT_COMPILE("{:#x}"), g.ace.mask), Text(FMT_COMPILE("{:#x}"), g.ace.flags)},
      kFieldSep);
}

Result<AceGrant> DecodeAce(std::string_view s) {
  auto f = SplitEscaped(s, kFieldSep);
  if (f.size() != 6 || (f[2] != "allow" && f[2] != "deny")) {
    return Status::Win(kErrorInvalidParameter);
  }
  auto ns = ParseNamespace(f[0]);
  auto sid = Sid::Parse(f[3]);
  auto mask = ParseHex(f[4]);
  auto flags = ParseHex(f[5]);
  if (!ns) return ns.status();
  if (!sid) return sid.status();
  if (!mask) return mask.status();
  if (!flags) return flags.status();
  AceGrant g;
  g.object = {*ns, f[1]};
  g.ace = {f[2] == "allow" ? AceType::kAllow : AceType::kDeny, *sid, *mask, *flags};
  return g;
}

std::string EncodeLogin(const SqlLogin& l) {
  return EscapeField(l.name) + kFieldSep + l.sid.ToString() + kFieldSep + JoinEscaped(l.server_roles, kRoleSep) +
         kFieldSep + EscapeField(l.default_database);
}

Result<SqlLogin> DecodeLogin(std::string_view s) {
  auto f = SplitRaw(s, kFieldSep);
  if (f.size() != 4) return Status::Win(kErrorInvalidParameter);
  auto sid = Sid::Parse(UnescapeField(f[1]));
  if (!sid) return sid.status();
  SqlLogin l;
  l.name = UnescapeField(f[0]);
  l.sid = *sid;
  l.server_roles = SplitEscaped(f[2], kRoleSep);
  l.default_database = UnescapeField(f[3]);
  return l;
}

std::string EncodeDbUser(const SqlDbUser& u) {
  return EscapeField(u.database) + kFieldSep + EscapeField(u.name) + kFieldSep + u.login_sid.ToString() + kFieldSep +
         JoinEscaped(u.roles, kRoleSep);
}

Result<SqlDbUser> DecodeDbUser(std::string_view s) {
  auto f = SplitRaw(s, kFieldSep);
  if (f.size() != 4) return Status::Win(kErrorInvalidParameter);
  auto sid = Sid::Parse(UnescapeField(f[2]));
  if (!sid) return sid.status();
  SqlDbUser u;
  u.database = UnescapeField(f[0]);
  u.name = UnescapeField(f[1]);
  u.login_sid = *sid;
  u.roles = SplitEscaped(f[3], kRoleSep);
  return u;
}

void EncodeFlags(const AccountFlags& flags, TextFields& data) {
  data["disabled"] = EncodeBool(flags.disabled);
  data["locked_out"] = EncodeBool(flags.locked_out);
  data["never_expires"] = EncodeBool(flags.password_never_expires);
  data["cannot_change"] = EncodeBool(flags.cannot_change_password);
}

AccountFlags DecodeFlags(const TextFields& data) {
  AccountFlags f;
  f.disabled = DecodeBool(Get(data, "disabled"));
  f.locked_out = DecodeBool(Get(data, "locked_out"));
  f.password_never_expires = DecodeBool(Get(data, "never_expires"));
  f.cannot_change_password = DecodeBool(Get(data, "cannot_change"));
  return f;
}

void PutIndexed(TextFields& data, std::string_view prefix, const std::vector<std::string>& values) {
  for (size_t i = 0; i < values.size(); ++i) data[Text(FMT_COMPILE("{}.{}"), prefix, i)] = values[i];
}

std::vector<std::string> GetIndexed(const TextFields& data, std::string_view prefix) {
  std::vector<std::string> out;
  for (size_t i = 0;; ++i) {
    auto it = data.find(Text(FMT_COMPILE("{}.{}"), prefix, i));
    if (it == data.end()) return out;
    out.push_back(it->second);
  }
}

const std::string& Get(const TextFields& data, const std::string& key) {
  static const std::string kAbsent;
  auto it = data.find(key);
  return it == data.end() ? kAbsent : it->second;
}

const RecordedGrants& GrantsOf(const StepData& data) {
  static const RecordedGrants kNone;
  return data.grants ? *data.grants : kNone;
}

bool operator==(const JournalRecord& a, const JournalRecord& b) {
  auto same_grants = [&] {
    if (a.grants == b.grants) return true;
    static const RecordedGrants kNone;
    return (a.grants ? *a.grants : kNone) == (b.grants ? *b.grants : kNone);
  };
  return a.seq == b.seq && a.step == b.step && a.phase == b.phase && a.data == b.data && same_grants();
}

void FlattenGrants(const RecordedGrants& grants, TextFields& data) {
  size_t n = 0;
  for (const ObjectAces& object : grants.aces) {
    for (const Ace& ace : object.aces) {
      data[Text(FMT_COMPILE("ace.{}"), n++)] = EncodeAce({object.object, ace});
    }
  }
  std::vector<std::string> logins, users;
  for (const SqlLogin& l : grants.logins) logins.push_back(EncodeLogin(l));
  for (const SqlDbUser& u : grants.db_users) users.push_back(EncodeDbUser(u));
  PutIndexed(data, "login", logins);
  PutIndexed(data, "dbuser", users);
}

bool IsGrantKeyFamily(std::string_view name) {
  return std::find(kGrantKeyFamilies.begin(), kGrantKeyFamilies.end(), name) != kGrantKeyFamilies.end();
}

Result<std::shared_ptr<const RecordedGrants>> TakeGrants(TextFields& data, GrantProblem* problem) {
  auto grants = std::make_shared<RecordedGrants>();
  std::vector<ObjectAces> objects;
  // `layout` names the fields of the family's value; `sid_field` the one that holds its SID.
  auto take = [&data, problem](std::string_view prefix, std::string_view layout, size_t sid_field, auto decode,
                               auto add) -> Status {
    for (size_t i = 0;; ++i) {
      auto it = data.find(Text(FMT_COMPILE("{}.{}"), prefix, i));
      if (it == data.end()) return {};
      auto item = decode(it->second);
      if (!item) {
        if (problem) {
          const std::vector<std::string> fields = SplitEscaped(it->second, kFieldSep);
          // A SID that does not parse is named in the words every loader uses for one.
          problem->key = it->first;
          problem->why =
              item.status().code() == kErrorInvalidSid && sid_field < fields.size()
                  ? Text(FMT_COMPILE("its recorded grant {}: {}"), it->first, MalformedSidError(fields[sid_field]))
                  : Text(FMT_COMPILE("its recorded grant {} {} is not {} ({})"), it->first, QuotedValue(it->second),
                         layout, item.status().ToString());
        }
        return Status(item.status().code(), Text(FMT_COMPILE("{}: {}"), it->first, item.status().message()));
      }
      add(std::move(*item));
      data.erase(it);
    }
  };
  Status st = take("ace", "namespace|path|allow or deny|SID|mask|flags", 3, DecodeAce, [&](AceGrant g) {
    if (objects.empty() || objects.back().object != g.object) objects.push_back({std::move(g.object), {}});
    objects.back().aces.push_back(std::move(g.ace));
  });
  grants->aces = std::move(objects);
  if (st.ok()) {
    st = take("login", "name|SID|server roles|default database", 1, DecodeLogin,
              [&](SqlLogin l) { grants->logins.push_back(std::move(l)); });
  }
  if (st.ok()) {
    st = take("dbuser", "database|name|SID|roles", 2, DecodeDbUser,
              [&](SqlDbUser u) { grants->db_users.push_back(std::move(u)); });
  }
  if (!st.ok()) return st;
  if (grants->empty()) return std::shared_ptr<const RecordedGrants>();
  return std::shared_ptr<const RecordedGrants>(std::move(grants));
}

std::string EncodeRegistryValue(const RegistryValue& v) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(v.data.size() * 2);
  for (unsigned char c : v.data) {
    hex.push_back(kHex[c >> 4]);
    hex.push_back(kHex[c & 0xF]);
  }
  return EscapeField(v.name) + kFieldSep + std::to_string(v.type) + kFieldSep + hex;
}

Result<RegistryValue> DecodeRegistryValue(std::string_view s) {
  auto f = SplitRaw(s, kFieldSep);
  if (f.size() != 3 || f[2].size() % 2 != 0) return Status::Win(kErrorInvalidParameter);
  RegistryValue v;
  v.name = UnescapeField(f[0]);
  uint32_t type = 0;
  if (auto [end, ec] = std::from_chars(f[1].data(), f[1].data() + f[1].size(), type);
      ec != std::errc() || end != f[1].data() + f[1].size() || f[1].empty()) {
    return Status::Win(kErrorInvalidParameter);
  }
  v.type = type;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (size_t i = 0; i < f[2].size(); i += 2) {
    const int high = nibble(f[2][i]), low = nibble(f[2][i + 1]);
    if (high < 0 || low < 0) return Status::Win(kErrorInvalidParameter);
    v.data.push_back(static_cast<char>(high << 4 | low));
  }
  return v;
}

}  // namespace fixer
