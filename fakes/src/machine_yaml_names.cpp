#include "machine_yaml_names.h"

#include <charconv>
#include <cstdio>

namespace fakes::yaml {

std::span<const NamedValue<uint32_t>> MaskNamesFor(fixer::ObjectNamespace ns) {
  if (ns == fixer::ObjectNamespace::kRegistry) return kKeyMaskNames;
  return kFileMaskNames;
}

std::optional<std::string> CanonicalFrameworkVersion(std::string_view text) {
  for (std::string_view full : {fixer::kFramework10, fixer::kFramework11}) {
    if (text == full || text == full.substr(0, 3)) return std::string(full);
  }
  return std::nullopt;
}

bool LooksLikeSid(std::string_view text) {
  return text.size() > 2 && (text[0] == 'S' || text[0] == 's') && text[1] == '-' && text[2] >= '0' && text[2] <= '9';
}

std::string Hex(uint32_t value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%X", value);
  return buf;
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible
// Low-Level Date Algorithms", days_from_civil), and back.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
}

bool ReadNumber(std::string_view s, size_t pos, size_t len, unsigned& out) {
  if (pos + len > s.size()) return false;
  for (size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return true;
}

}  // namespace

std::string FormatUtc(int64_t seconds) {
  int64_t days = seconds / 86400;
  int64_t rem = seconds % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  int64_t y = 0;
  unsigned m = 0, d = 0;
  CivilFromDays(days, y, m, d);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02u:%02u:%02uZ", static_cast<long long>(y), m, d,
                static_cast<unsigned>(rem / 3600), static_cast<unsigned>(rem / 60 % 60),
                static_cast<unsigned>(rem % 60));
  return buf;
}

std::optional<int64_t> ParseUtc(std::string_view s) {
  unsigned y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (s.size() != 10 && s.size() != 20) return std::nullopt;
  if (!ReadNumber(s, 0, 4, y) || s[4] != '-' || !ReadNumber(s, 5, 2, mo) || s[7] != '-' || !ReadNumber(s, 8, 2, d)) {
    return std::nullopt;
  }
  if (s.size() == 20 && (s[10] != 'T' || !ReadNumber(s, 11, 2, h) || s[13] != ':' || !ReadNumber(s, 14, 2, mi) ||
                         s[16] != ':' || !ReadNumber(s, 17, 2, sec) || s[19] != 'Z')) {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return std::nullopt;
  // Reject 2003-02-30 and the like: the date must survive a round trip through the calendar.
  const int64_t days = DaysFromCivil(y, mo, d);
  int64_t ry = 0;
  unsigned rm = 0, rd = 0;
  CivilFromDays(days, ry, rm, rd);
  if (ry != y || rm != mo || rd != d) return std::nullopt;
  return days * 86400 + h * 3600 + mi * 60 + sec;
}

}  // namespace fakes::yaml
