// Where the fixer's probe sends its request for a site: from the site's first ServerBindings
// entry, "IP:Port:Hostname" (the ServerBindings Metabase Property page: IP and Hostname optional,
// an empty one a wildcard; IIS 5.0's default ":80:"). Pure logic, no Windows headers, so
// tests/win32/ checks it on the host.
//
//   win32::ProbeAddress at = win32::ProbeAddressOf(L"192.168.0.10:8080:");
//   // at.host == "192.168.0.10", at.port == 8080, at.host_header == ""
//   std::string url = at.Url("/app/");   // "http://192.168.0.10:8080/app/"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace win32 {

struct ProbeAddress {
  std::string host = "localhost";  // the binding's IP address; localhost for a wildcard
  int port = 80;
  std::string host_header;  // the binding's host name, "" for a wildcard (WinInet sends `host`)
  std::string Url(std::string_view path) const;
  friend bool operator==(const ProbeAddress&, const ProbeAddress&) = default;
};

// The address of the first binding; localhost:80 for none (`first` nullopt) or a port that is no
// number from 1 to 65535.
ProbeAddress ProbeAddressOf(const std::optional<std::wstring>& first);

}  // namespace win32
