// A site binding as the probe's address (site_binding.h).
#include "site_binding.h"

#include <cwctype>

namespace win32 {
namespace {

// ASCII only: an IP address, a port and a DNS host name are; anything else makes the part empty.
std::string AsciiPart(std::wstring_view text) {
  std::string out;
  out.reserve(text.size());
  for (wchar_t c : text) {
    if (c <= 0x20 || c >= 0x7f) return {};
    out += static_cast<char>(c);
  }
  return out;
}

}  // namespace

std::string ProbeAddress::Url(std::string_view path) const {
  return "http://" + host + ":" + std::to_string(port) + std::string(path);
}

ProbeAddress ProbeAddressOf(const std::optional<std::wstring>& first) {
  ProbeAddress at;
  if (!first) return at;
  const std::wstring_view binding = *first;
  const size_t colon = binding.find(L':');
  if (colon == std::wstring_view::npos) return at;
  const size_t second = binding.find(L':', colon + 1);
  const std::wstring_view port =
      binding.substr(colon + 1, second == std::wstring_view::npos ? std::wstring_view::npos : second - colon - 1);
  int number = 0;
  for (wchar_t c : port) {
    if (!std::iswdigit(c) || number > 65535) return ProbeAddress{};
    number = number * 10 + static_cast<int>(c - L'0');
  }
  if (number < 1 || number > 65535) return ProbeAddress{};
  at.port = number;
  if (const std::string ip = AsciiPart(binding.substr(0, colon)); !ip.empty()) at.host = ip;
  if (second != std::wstring_view::npos) at.host_header = AsciiPart(binding.substr(second + 1));
  return at;
}

}  // namespace win32
