// WebProbe: an HTTP GET with WinInet (InternetOpen, InternetOpenUrl, HttpQueryInfo,
// InternetReadFile) to http://<address>:<port>/<app>/, both from the site's first ServerBindings
// in the metabase (localhost for a wildcard address, 80 when it has none; its host name, if any,
// sent as the Host header: site_binding.h). WinInet's own errors (12029: nothing listens) are
// passed on. A page that did not answer 200 reads back the newest ASP.NET error entry the
// Application log gained since the request began: what the worker's failed start wrote.
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <wininet.h>

#include <iiscnfg.h>

#include <cstdint>
#include <optional>

#include "fixer/name_case.h"
#include "metabase.h"
#include "site_binding.h"
#include "win32_ports.h"

namespace win32 {

namespace {

struct InternetHandle {
  HINTERNET h = nullptr;
  ~InternetHandle() {
    if (h) InternetCloseHandle(h);
  }
};

// "/LM/W3SVC/1/ROOT/app" -> site "/LM/W3SVC/1" and URL path "/app/"; 87 for another shape.
fixer::Status SplitPath(const std::string& path, std::string& site, std::string& url_path) {
  const std::string prefix = "/LM/W3SVC/";
  const std::string folded = fixer::FoldWindowsName(path);
  const size_t root = folded.find("/root");
  if (!folded.starts_with(fixer::FoldWindowsName(prefix)) || root == std::string::npos) {
    return Error(ERROR_INVALID_PARAMETER);
  }
  site = path.substr(0, root);
  url_path = path.substr(root + 5);
  if (url_path.empty() || url_path.back() != '/') url_path += '/';
  return {};
}

// Where the site listens, from its first binding ("IP:port:host"); localhost:80 when it has none.
fixer::Result<ProbeAddress> SiteAddress(const std::string& site) {
  auto bindings = ReadMetabaseMultiSz(Widen(site), MD_SERVER_BINDINGS);
  if (!bindings) return bindings.status();
  if (!*bindings || (*bindings)->empty()) return ProbeAddressOf(std::nullopt);
  return ProbeAddressOf((*bindings)->front());
}

// Seconds since 1970-01-01 UTC, as EVENTLOGRECORD::TimeGenerated counts them.
int64_t NowSince1970() {
  FILETIME now;
  GetSystemTimeAsFileTime(&now);
  const uint64_t ticks = (static_cast<uint64_t>(now.dwHighDateTime) << 32) | now.dwLowDateTime;
  return static_cast<int64_t>((ticks - 116444736000000000ULL) / 10000000ULL);
}

// The newest error entry of an ASP.NET source written at or after `since`; none when the log
// cannot be read (the page's answer stands alone then).
std::optional<fixer::EventRecord> AspNetErrorSince(fixer::EventLog& events, int64_t since) {
  auto log = events.Read("Application");
  if (!log) return std::nullopt;
  for (auto it = log->rbegin(); it != log->rend() && it->time >= since; ++it) {
    if (it->type == fixer::EventType::kError && it->source.starts_with("ASP.NET ")) return *it;
  }
  return std::nullopt;
}

}  // namespace

fixer::Result<fixer::HttpResponse> Win32WebProbe::Get(const std::string& application_path) {
  std::string site, url_path;
  if (fixer::Status st = SplitPath(application_path, site, url_path); !st.ok()) return st;
  auto address = SiteAddress(site);
  if (!address) return address.status();
  const std::wstring url = Widen(address->Url(url_path));
  // A site bound to a host name is asked for by that name, as a browser would send it.
  const std::wstring host_header = address->host_header.empty() ? L"" : Widen("Host: " + address->host_header + "\r\n");
  const int64_t started = NowSince1970();
  InternetHandle session{InternetOpenW(L"aspnet-fixer", INTERNET_OPEN_TYPE_DIRECT, nullptr, nullptr, 0)};
  if (!session.h) return LastError();
  InternetHandle request{
      InternetOpenUrlW(session.h, url.c_str(), host_header.empty() ? nullptr : host_header.c_str(),
                       static_cast<DWORD>(host_header.size()),
                       INTERNET_FLAG_RELOAD | INTERNET_FLAG_NO_CACHE_WRITE | INTERNET_FLAG_NO_COOKIES, 0)};
  if (!request.h) return LastError();
  fixer::HttpResponse response;
  DWORD status = 0, size = sizeof(status);
  if (!HttpQueryInfoW(request.h, HTTP_QUERY_STATUS_CODE | HTTP_QUERY_FLAG_NUMBER, &status, &size, nullptr)) {
    return LastError();
  }
  response.status = static_cast<int>(status);
  char chunk[8192];
  DWORD read = 0;
  while (InternetReadFile(request.h, chunk, sizeof(chunk), &read) && read > 0) response.body.append(chunk, read);
  if (response.status != 200) response.event = AspNetErrorSince(events_, started);
  return response;
}

}  // namespace win32
