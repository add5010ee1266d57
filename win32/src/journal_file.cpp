// journal_file.h: the Windows journal's line format.
#include "journal_file.h"

#include <charconv>

#include "fixer/journal_codec.h"

namespace win32 {

namespace {

// A key may not hold a bare '=' (it ends the key); EscapeField leaves '=' alone.
std::string EscapeKey(std::string_view key) {
  std::string out;
  for (char c : fixer::EscapeField(key)) out += c == '=' ? std::string("%3D") : std::string(1, c);
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    size_t end = s.find(separator, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// Why a line that does not parse is no record (the record it is, `index`, counted from 0).
constexpr const char* kNotARecord = "the line is not a record (seq|step|phase|key=value;...)";

fixer::Result<fixer::JournalRecord> ParseLine(std::string_view line, size_t index) {
  // A line edited by hand: a journal this fixer will not act on, every verb's input error.
  const fixer::Status malformed = fixer::UnreadableJournal({.record = index, .why = kNotARecord});
  std::vector<std::string_view> fields = Split(line, '|');
  if (fields.size() != 4) return malformed;
  fixer::JournalRecord record;
  auto [end, ec] = std::from_chars(fields[0].data(), fields[0].data() + fields[0].size(), record.seq);
  if (ec != std::errc() || end != fields[0].data() + fields[0].size()) return malformed;
  record.step = fixer::UnescapeField(fields[1]);
  auto phase = fixer::JournalPhaseFromString(fixer::UnescapeField(fields[2]));
  if (!phase) return malformed;
  record.phase = *phase;
  fixer::TextFields data;
  if (!fields[3].empty()) {
    for (std::string_view pair : Split(fields[3], ';')) {
      size_t eq = pair.find('=');
      if (eq == std::string_view::npos) return malformed;
      data[fixer::UnescapeField(pair.substr(0, eq))] = fixer::UnescapeField(pair.substr(eq + 1));
    }
  }
  fixer::GrantProblem problem;
  auto grants = fixer::TakeGrants(data, &problem);
  // A grant that does not decode is named with its reason, as the machine file's journal says it.
  if (!grants) return fixer::UnreadableJournal({.record = index, .why = problem.why});
  record.grants = std::move(*grants);
  record.data = std::move(data);
  return record;
}

}  // namespace

std::string FormatJournalLine(const fixer::JournalRecord& record) {
  fixer::TextFields data = record.data;
  if (record.grants) fixer::FlattenGrants(*record.grants, data);
  std::string line = std::to_string(record.seq) + "|" + fixer::EscapeField(record.step) + "|" +
                     fixer::EscapeField(fixer::ToString(record.phase)) + "|";
  bool first = true;
  for (const auto& [key, value] : data) {
    if (!first) line += ';';
    first = false;
    line += EscapeKey(key) + "=" + fixer::EscapeField(value);
  }
  return line + "\r\n";
}

fixer::Result<std::vector<fixer::JournalRecord>> ParseJournal(std::string_view text) {
  std::vector<fixer::JournalRecord> records;
  for (std::string_view line : Split(text, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    auto record = ParseLine(line, records.size());
    if (!record) return record.status();
    records.push_back(std::move(*record));
  }
  return records;
}

}  // namespace win32
