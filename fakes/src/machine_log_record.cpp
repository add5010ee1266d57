// The body of a machine log record: a few header lines saying what the record changes, then a
// machine in the full form holding the changed sections and entities (docs/machine-format.md).
#include "machine_log_record.h"

#include <array>
#include <charconv>

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

std::array<uint32_t, 256> MakeCrcTable() {
  std::array<uint32_t, 256> table{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  return table;
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
      Fail("expected a count after '" + std::string(key) + ":'");
    return n;
  }
  // "<length> <key>\n": a key is length-prefixed, so any character may appear in it.
  std::string Key() {
    size_t n = 0;
    auto [end, ec] = std::from_chars(rest_.data(), rest_.data() + rest_.size(), n);
    const size_t start = static_cast<size_t>(end - rest_.data()) + 1;
    if (ec != std::errc() || start + n >= rest_.size() || *end != ' ' || rest_[start + n] != '\n') {
      Fail("expected an object key as '<length> <key>'");
    }
    std::string key(rest_.substr(start, n));
    for (char c : key) line_ += c == '\n';
    rest_.remove_prefix(start + n + 1);
    ++line_;
    return key;
  }
  std::string_view rest() const { return rest_; }
  int line() const { return line_; }
  [[noreturn]] void Fail(std::string message) const { throw LoadError{log_name_, line_, 1, std::move(message)}; }

 private:
  std::string_view rest_;
  const std::string& log_name_;
  int line_;
};

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

std::string EncodeLogRecord(const LogRecord& what, const MachineState& part) {
  std::string out = "replace:";
  for (const std::string& name : what.replace) out += " " + name;
  out += "\nevents_from: " + std::to_string(what.events_from);
  out += "\njournal_from: " + std::to_string(what.journal_from);
  if (what.all_objects) {
    out += "\nobjects: all\n";
  } else {
    out += "\nobjects: " + std::to_string(what.objects.size()) + "\n";
    for (const std::string& key : what.objects) out += std::to_string(key.size()) + " " + key + "\n";
  }
  return out + MachineToText(part);
}

Loaded<DecodedLogRecord> DecodeLogRecord(std::string_view body, const std::string& log_name, int first_line) {
  Loaded<DecodedLogRecord> out;
  DecodedLogRecord r;
  HeaderReader in(body, log_name, first_line);
  try {
    std::string_view names = in.Field("replace");
    while (!names.empty()) {
      const size_t space = names.find(' ');
      const std::string_view name = names.substr(0, space);
      if (FindSection(name) == nullptr) in.Fail("unknown section '" + std::string(name) + "'");
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
        state.objects.erase(key);
      } else {
        state.objects[key] = it->second;
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
  static const std::array<uint32_t, 256> kTable = MakeCrcTable();
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : bytes) c = kTable[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

}  // namespace fakes
