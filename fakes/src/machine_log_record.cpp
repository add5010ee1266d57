// The body of a machine log record: a few header lines saying what the record changes, the typed
// grants of its journal records and the objects it writes field by field, then a machine in the
// full form holding the rest (docs/machine-format.md, "The machine log").
#include "machine_log_record.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include <fmt/format.h>

#include "fixer/journal_codec.h"
#include "fixer/quoted_value.h"
#include "fixer/utf8.h"
#include "fixer/windows_names.h"

namespace fakes {
namespace {

struct Section {
  std::string_view name;
  bool (*same)(const MachineState&, const MachineState&);
  void (*copy)(const MachineState&, MachineState&);
};

template <auto Member>
constexpr Section Whole(std::string_view name) {
  return {name, [](const MachineState& a, const MachineState& b) { return a.*Member == b.*Member; },
          [](const MachineState& from, MachineState& to) { to.*Member = from.*Member; }};
}

// Everything but the objects, the event log and the journal, which grow with the machine and
// are recorded entity by entity instead.
constexpr std::array kSections = {
    Whole<&MachineState::sam>("sam"),           Whole<&MachineState::lsa>("lsa"),
    Whole<&MachineState::profiles>("profiles"), Whole<&MachineState::sql>("sql"),
    Whole<&MachineState::services>("services"), Whole<&MachineState::products>("products"),
    Whole<&MachineState::session>("session"),
};

const Section* FindSection(std::string_view name) {
  for (const Section& s : kSections) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

// CRC-32 (the IEEE polynomial, reflected) eight bytes at a time ("slicing-by-8"): table k gives
// the CRC of a byte followed by k zero bytes, so eight lookups fold in eight bytes.
using CrcTables = std::array<std::array<uint32_t, 256>, 8>;

CrcTables MakeCrcTables() {
  CrcTables t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[0][i] = c;
  }
  for (uint32_t i = 0; i < 256; ++i) {
    for (size_t k = 1; k < 8; ++k) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFF];
  }
  return t;
}

// Reads the body's header lines; `line` counts them for errors.
class HeaderReader {
 public:
  HeaderReader(std::string_view body, const std::string& log_name, int first_line)
      : rest_(body), log_name_(log_name), line_(first_line) {}

  std::string_view Field(std::string_view key) {
    const size_t eol = rest_.find('\n');
    std::string_view text = rest_.substr(0, eol);
    if (eol == std::string_view::npos || text.substr(0, key.size() + 1) != std::string(key) + ":") {
      Fail("expected '" + std::string(key) + ":' in the record");
    }
    rest_.remove_prefix(eol + 1);
    ++line_;
    text.remove_prefix(key.size() + 1);
    if (!text.empty() && text[0] == ' ') text.remove_prefix(1);
    return text;
  }
  size_t Number(std::string_view key) { return Count(Field(key), key); }
  size_t Count(std::string_view text, std::string_view key) const {
    size_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size())
      FailOnLineRead("expected a count after '" + std::string(key) + ":'");
    return n;
  }
  // The next line, whatever it holds.
  std::string_view Line() {
    const size_t eol = rest_.find('\n');
    if (eol == std::string_view::npos) Fail("the record ends before its end");
    const std::string_view line = rest_.substr(0, eol);
    rest_.remove_prefix(eol + 1);
    ++line_;
    return line;
  }
  // A line of `count` space-separated words.
  std::vector<std::string_view> Words(size_t count, std::string_view form) {
    std::string_view line = Line();
    std::vector<std::string_view> out;
    out.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      const size_t space = line.find(' ');
      if ((space == std::string_view::npos) != (i + 1 == count)) FailOnLineRead("expected '" + std::string(form) + "'");
      out.push_back(line.substr(0, space));
      line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    }
    return out;
  }
  // A line of `count` space-separated numbers.
  std::vector<size_t> Numbers(size_t count, std::string_view form) {
    const size_t eol = rest_.find('\n');
    std::string_view text = rest_.substr(0, eol);
    std::vector<size_t> out(count);
    for (size_t i = 0; i < count; ++i) {
      if (i > 0 && (text.empty() || text[0] != ' ')) Fail("expected '" + std::string(form) + "'");
      if (i > 0) text.remove_prefix(1);
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out[i]);
      if (ec != std::errc()) Fail("expected '" + std::string(form) + "'");
      text.remove_prefix(static_cast<size_t>(end - text.data()));
    }
    if (eol == std::string_view::npos || !text.empty()) Fail("expected '" + std::string(form) + "'");
    rest_.remove_prefix(eol + 1);
    ++line_;
    return out;
  }
  // "<length> <key>\n": a key is length-prefixed, so any character may appear in it.
  std::string Key() {
    size_t n = 0;
    auto [end, ec] = std::from_chars(rest_.data(), rest_.data() + rest_.size(), n);
    const size_t start = static_cast<size_t>(end - rest_.data()) + 1;
    if (ec != std::errc() || end == rest_.data() + rest_.size() || *end != ' ')
      FailAt(static_cast<int>(start), "expected an object key as '<length> <key>'");
    // The length must end the key at its line's end: said where the key begins.
    if (n >= rest_.size() || start + n >= rest_.size() || rest_[start + n] != '\n') {
      const size_t line_end = std::min(rest_.find('\n', start), rest_.size());
      FailAt(static_cast<int>(start) + 1, fmt::format("the key's length {} does not end at its line's end ({} {} "
                                                      "follow the length)",
                                                      n, line_end - start, line_end - start == 1 ? "byte" : "bytes"));
    }
    std::string key(rest_.substr(start, n));
    // A key is text a reader may be shown (an object's path, a registry value): the machine
    // file's rules for text hold here too (load_result.h, TextProblem), said at the character.
    if (std::optional<std::string> problem = TextProblem(key))
      FailAt(static_cast<int>(start + FirstProblemAt(key)) + 1, *problem);
    for (char c : key) line_ += c == '\n';
    rest_.remove_prefix(start + n + 1);
    ++line_;
    return key;
  }
  std::string_view rest() const { return rest_; }
  int line() const { return line_; }
  [[noreturn]] void Fail(std::string message) const { throw LoadError{log_name_, line_, 1, std::move(message)}; }
  // At a column of the line not yet read.
  [[noreturn]] void FailAt(int column, std::string message) const {
    throw LoadError{log_name_, line_, column, std::move(message)};
  }
  // The byte offset of the first character of `text` TextProblem refuses.
  static size_t FirstProblemAt(std::string_view text) {
    for (size_t i = 0; i < text.size();) {
      const size_t len = std::max<size_t>(fixer::Utf8SequenceLength(text, i), 1);
      if (TextProblem(text.substr(i, len))) return i;
      i += len;
    }
    return 0;
  }
  // For a line Line() or Words() has already read.
  [[noreturn]] void FailOnLineRead(std::string message) const {
    throw LoadError{log_name_, line_ - 1, 1, std::move(message)};
  }

 private:
  std::string_view rest_;
  const std::string& log_name_;
  int line_;
};

std::optional<fixer::ObjectNamespace> NamespaceNamed(std::string_view name) {
  for (const auto& [spelling, ns] : fixer::kNamespaceNames) {
    if (spelling == name) return ns;
  }
  return std::nullopt;
}

// PutSid's word, on the line just read.
fixer::Sid ReadSid(const HeaderReader& in, std::string_view word) {
  if (word == "-") return fixer::Sid();
  fixer::Result<fixer::Sid> sid = fixer::Sid::Parse(word);
  if (!sid) in.FailOnLineRead(fixer::MalformedSidText(word));
  return std::move(*sid);
}

// One ACE line, PutAce's form: "<allow|deny> <mask hex> <flags hex> <SID>".
fixer::Ace ReadAce(HeaderReader& in) {
  const std::string_view line = in.Line();
  const auto fail = [&in] { in.FailOnLineRead("expected '<allow|deny> <mask hex> <flags hex> <SID>'"); };
  fixer::Ace ace;
  const size_t type_end = line.find(' ');
  if (type_end == std::string_view::npos) fail();
  const std::string_view type = line.substr(0, type_end);
  if (type != "allow" && type != "deny") fail();
  ace.type = type == "allow" ? fixer::AceType::kAllow : fixer::AceType::kDeny;
  const char* p = line.data() + type_end + 1;
  const char* const end = line.data() + line.size();
  for (uint32_t* field : {&ace.mask, &ace.flags}) {
    auto [next, ec] = std::from_chars(p, end, *field, 16);
    if (ec != std::errc() || next == end || *next != ' ') fail();
    p = next + 1;
  }
  ace.sid = ReadSid(in, std::string_view(p, static_cast<size_t>(end - p)));
  return ace;
}

// The "object_states:" block of a record (TakeObjectsOut's form).
void ReadObjects(HeaderReader& in, ObjectMap& objects) {
  const size_t count = in.Number("object_states");
  for (size_t i = 0; i < count; ++i) {
    std::string key = in.Key();
    const std::vector<std::string_view> head = in.Words(5, "<namespace> <container 0|1> <aces> <values> <owner SID>");
    SecurableObject object;
    const std::optional<fixer::ObjectNamespace> ns = NamespaceNamed(head[0]);
    if (!ns || (head[1] != "0" && head[1] != "1")) {
      in.FailOnLineRead("expected '<namespace> <container 0|1> ...' of an object");
    }
    object.ns = *ns;
    object.container = head[1] == "1";
    const size_t aces = in.Count(head[2], "<aces>");
    const size_t values = in.Count(head[3], "<values>");
    object.owner = ReadSid(in, head[4]);
    object.path = in.Key();
    if (ObjectKey(object.ns, object.path) != key) {
      in.FailOnLineRead("object key '" + EscapeForMessage(key, false) + "' does not name the path that follows it");
    }
    for (size_t a = 0; a < aces; ++a) object.dacl.push_back(ReadAce(in));
    for (size_t v = 0; v < values; ++v) {
      std::string name = in.Key();
      object.values[std::move(name)] = in.Key();
    }
    if (!objects.Add(std::move(key), std::move(object))) {
      in.FailOnLineRead("an object twice in one record");
    }
  }
}

// The "grants:" block of a record (TakeGrantsOut's form): journal index and typed grants.
std::vector<std::pair<size_t, std::shared_ptr<const fixer::RecordedGrants>>> ReadGrants(HeaderReader& in) {
  std::vector<std::pair<size_t, std::shared_ptr<const fixer::RecordedGrants>>> out;
  const size_t records = in.Number("grants");
  for (size_t r = 0; r < records; ++r) {
    const std::vector<size_t> n = in.Numbers(4, "<journal index> <objects> <logins> <dbusers>");
    auto grants = std::make_shared<fixer::RecordedGrants>();
    std::vector<fixer::ObjectAces> objects;
    for (size_t o = 0; o < n[1]; ++o) {
      const std::string_view head = in.Line();
      const size_t space = head.find(' ');
      const std::optional<fixer::ObjectNamespace> ns = NamespaceNamed(head.substr(0, space));
      if (space == std::string_view::npos || !ns)
        in.FailOnLineRead("expected '<namespace> <aces>' of a granted object");
      const size_t aces = in.Count(head.substr(space + 1), "<aces>");
      fixer::ObjectAces object{{*ns, in.Key()}, {}};
      for (size_t a = 0; a < aces; ++a) object.aces.push_back(ReadAce(in));
      objects.push_back(std::move(object));
    }
    grants->aces = std::move(objects);
    auto decoded = [&in](auto result) {
      if (!result) in.FailOnLineRead("malformed grant: " + result.status().message());
      return std::move(*result);
    };
    for (size_t i = 0; i < n[2]; ++i) grants->logins.push_back(decoded(fixer::DecodeLogin(in.Key())));
    for (size_t i = 0; i < n[3]; ++i) grants->db_users.push_back(decoded(fixer::DecodeDbUser(in.Key())));
    out.emplace_back(n[0], std::move(grants));
  }
  return out;
}

}  // namespace

std::vector<std::string_view> LogSectionNames() {
  std::vector<std::string_view> names;
  for (const Section& s : kSections) names.push_back(s.name);
  return names;
}

bool SameSection(std::string_view name, const MachineState& a, const MachineState& b) {
  return FindSection(name)->same(a, b);
}

void CopySection(std::string_view name, const MachineState& from, MachineState& to) {
  FindSection(name)->copy(from, to);
}

namespace {

void PutItem(std::string& out, const std::string& item) {
  out += std::to_string(item.size());
  out += ' ';
  out += item;
  out += '\n';
}

void PutHex(std::string& out, uint32_t value) {
  char buf[8];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, 16);
  out.append(buf, end);
}

// A SID as a word: "-" for the default one (Sid(), which S-1-0-0 parsed is not), else its string.
void PutSid(std::string& out, const fixer::Sid& sid) { out += sid == fixer::Sid() ? std::string("-") : sid.ToString(); }

// "<allow|deny> <mask hex> <flags hex> <SID>": an ACE on one line.
void PutAce(std::string& out, const fixer::Ace& ace) {
  out += ace.type == fixer::AceType::kAllow ? "allow " : "deny ";
  PutHex(out, ace.mask);
  out += ' ';
  PutHex(out, ace.flags);
  out += ' ';
  PutSid(out, ace.sid);
  out += '\n';
}

// The objects of `part`, taken out of it: the entities a record carries most of, written field by
// field instead of in the machine format (whose names, quoting and principal look-ups cost as
// much as the change itself). Per object:
//   its length-prefixed key, "<namespace> <container 0|1> <aces> <values> <owner SID>",
//   the length-prefixed path, one ACE line per ACE, a length-prefixed name and data per value.
std::string TakeObjectsOut(MachineState& part) {
  if (part.objects.empty()) return {};
  std::string out = "object_states: " + std::to_string(part.objects.size()) + "\n";
  for (const auto& [key, object] : part.objects) {
    PutItem(out, key);
    out += fmt::format("{} {} {} {} ", fixer::ToString(object.ns), object.container ? 1 : 0, object.dacl.size(),
                       object.values.size());
    PutSid(out, object.owner);
    out += '\n';
    PutItem(out, object.path);
    for (const fixer::Ace& ace : object.dacl) PutAce(out, ace);
    for (const auto& [name, data] : object.values) {
      PutItem(out, name);
      PutItem(out, data);
    }
  }
  part.objects = {};
  return out;
}

// The grants of part's journal records, taken out of them, written without a map of keys, field
// escaping or YAML quoting. Per journal record that has some:
//   "<journal index> <objects> <logins> <dbusers>"
//   per object: "<namespace> <aces>", the length-prefixed path, then per ACE
//     "<allow|deny> <mask hex> <flags hex> <SID>"
//   per login and database user: its journal codec form, length-prefixed (fixer/journal_codec.h).
std::string TakeGrantsOut(MachineState& part) {
  std::string out;
  size_t records = 0;
  for (size_t i = 0; i < part.journal.size(); ++i) {
    const std::shared_ptr<const fixer::RecordedGrants> grants = std::move(part.journal[i].grants);
    part.journal[i].grants = nullptr;
    if (!grants || grants->empty()) continue;
    ++records;
    out += fmt::format("{} {} {} {}\n", i, grants->aces.size(), grants->logins.size(), grants->db_users.size());
    for (const fixer::ObjectAces& object : grants->aces) {
      out += fixer::ToString(object.object.ns);
      out += ' ';
      out += std::to_string(object.aces.size());
      out += '\n';
      PutItem(out, object.object.path);
      for (const fixer::Ace& ace : object.aces) PutAce(out, ace);
    }
    for (const fixer::SqlLogin& login : grants->logins) PutItem(out, fixer::EncodeLogin(login));
    for (const fixer::SqlDbUser& user : grants->db_users) PutItem(out, fixer::EncodeDbUser(user));
  }
  return records == 0 ? std::string() : "grants: " + std::to_string(records) + "\n" + out;
}

}  // namespace

std::string EncodeLogRecord(const LogRecord& what, MachineState& part) {
  std::string out = "replace:";
  for (const std::string& name : what.replace) out += " " + name;
  out += "\nevents_from: " + std::to_string(what.events_from);
  out += "\njournal_from: " + std::to_string(what.journal_from);
  if (what.all_objects) {
    out += "\nobjects: all\n";
  } else {
    out += "\nobjects: " + std::to_string(what.objects.size()) + "\n";
    for (const std::string& key : what.objects) PutItem(out, key);
  }
  out += TakeGrantsOut(part);
  out += TakeObjectsOut(part);
  return out + MachineToText(part);
}

Loaded<DecodedLogRecord> DecodeLogRecord(std::string_view body, const std::string& log_name, int first_line) {
  Loaded<DecodedLogRecord> out;
  DecodedLogRecord r;
  HeaderReader in(body, log_name, first_line);
  std::vector<std::pair<size_t, std::shared_ptr<const fixer::RecordedGrants>>> grants;
  int grants_line = 0;  // where the grants block starts, for an error about it
  ObjectMap objects;
  try {
    std::string_view names = in.Field("replace");
    while (!names.empty()) {
      const size_t space = names.find(' ');
      const std::string_view name = names.substr(0, space);
      if (FindSection(name) == nullptr) in.FailOnLineRead("unknown section " + fixer::QuotedValue(name));
      r.what.replace.emplace_back(name);
      names = space == std::string_view::npos ? std::string_view() : names.substr(space + 1);
    }
    r.what.events_from = in.Number("events_from");
    r.what.journal_from = in.Number("journal_from");
    // "objects: all" or a count of keys.
    if (const std::string_view objects = in.Field("objects"); objects == "all") {
      r.what.all_objects = true;
    } else {
      const size_t n = in.Count(objects, "objects");
      for (size_t i = 0; i < n; ++i) r.what.objects.push_back(in.Key());
    }
    if (in.rest().starts_with("grants:")) {
      grants_line = in.line();
      grants = ReadGrants(in);
    }
    if (in.rest().starts_with("object_states:")) ReadObjects(in, objects);
  } catch (const LoadError& e) {
    out.error = e;
    return out;
  }
  Loaded<MachineState> part = LoadMachineText(std::string(in.rest()), log_name);
  if (!part.ok()) {
    out.error = std::move(part.error);
    if (out.error->line > 0) out.error->line += in.line() - 1;  // a line of the log, not of the record
    return out;
  }
  r.part = std::move(*part.value);
  if (!objects.empty()) r.part.objects = std::move(objects);
  for (auto& [index, recorded] : grants) {
    if (index >= r.part.journal.size() || r.part.journal[index].grants) {
      out.error = LoadError{log_name, grants_line, 1,
                            "grants for journal record " + std::to_string(index + 1) + " (index " +
                                std::to_string(index) + ": the log counts from 0), which the record does not hold"};
      return out;
    }
    r.part.journal[index].grants = std::move(recorded);
  }
  out.value = std::move(r);
  return out;
}

bool ApplyLogRecord(const DecodedLogRecord& record, MachineState& state) {
  const LogRecord& what = record.what;
  const MachineState& part = record.part;
  if (what.events_from > state.events.size() || what.journal_from > state.journal.size()) return false;
  state.seed = part.seed;
  state.rng_state = part.rng_state;
  state.clock = part.clock;
  for (const std::string& name : what.replace) CopySection(name, part, state);
  if (what.all_objects) {
    state.objects = part.objects;
  } else {
    for (const std::string& key : what.objects) {
      auto it = part.objects.find(key);
      if (it == part.objects.end()) {
        state.objects.Erase(key);
      } else {
        state.objects.Put(key, it->second);
      }
    }
  }
  state.events.resize(what.events_from);
  state.events.insert(state.events.end(), part.events.begin(), part.events.end());
  state.journal.resize(what.journal_from);
  state.journal.insert(state.journal.end(), part.journal.begin(), part.journal.end());
  return true;
}

uint32_t Crc32(std::string_view bytes) {
  static const CrcTables kT = MakeCrcTables();
  uint32_t c = 0xFFFFFFFFu;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  for (; n >= 8; n -= 8, p += 8) {
    // Little-endian assembly of the words, so the result does not depend on the host's byte order.
    const uint32_t lo = c ^ (uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24);
    const uint32_t hi = uint32_t{p[4]} | uint32_t{p[5]} << 8 | uint32_t{p[6]} << 16 | uint32_t{p[7]} << 24;
    c = kT[7][lo & 0xFF] ^ kT[6][(lo >> 8) & 0xFF] ^ kT[5][(lo >> 16) & 0xFF] ^ kT[4][lo >> 24] ^ kT[3][hi & 0xFF] ^
        kT[2][(hi >> 8) & 0xFF] ^ kT[1][(hi >> 16) & 0xFF] ^ kT[0][hi >> 24];
  }
  for (; n > 0; --n, ++p) c = kT[0][(c ^ *p) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

}  // namespace fakes
