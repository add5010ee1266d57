// EventLog: OpenEventLog + ReadEventLog (sequential, oldest first) and RegisterEventSource +
// ReportEvent. An event's text is its insertion strings joined by newlines: the fixer writes its
// mark as one string, so what it reads back is what it wrote (Event Viewer formats others with
// their source's message file, which this port does not load). A write first registers its source
// with this program as its message file (win32/res/event_messages.mc), so Event Viewer shows the
// text instead of "The description for Event ID ( 1 ) ... cannot be found".
#include <algorithm>

#include "win32_ports.h"

namespace win32 {

namespace {

fixer::EventType TypeFrom(WORD type) {
  if (type == EVENTLOG_ERROR_TYPE) return fixer::EventType::kError;
  if (type == EVENTLOG_WARNING_TYPE) return fixer::EventType::kWarning;
  return fixer::EventType::kInformation;  // information and the audit types
}

WORD TypeOf(fixer::EventType type) {
  switch (type) {
    case fixer::EventType::kError: return EVENTLOG_ERROR_TYPE;
    case fixer::EventType::kWarning: return EVENTLOG_WARNING_TYPE;
    case fixer::EventType::kInformation: break;
  }
  return EVENTLOG_INFORMATION_TYPE;
}

fixer::EventRecord RecordFrom(const std::string& log, const EVENTLOGRECORD& raw) {
  const BYTE* base = reinterpret_cast<const BYTE*>(&raw);
  fixer::EventRecord record;
  record.log = log;
  record.source = Narrow(reinterpret_cast<const wchar_t*>(base + sizeof(EVENTLOGRECORD)));
  record.id = raw.EventID & 0xFFFF;  // the upper bits are severity and facility; the viewer shows the low word
  record.type = TypeFrom(raw.EventType);
  record.time = raw.TimeGenerated;  // seconds since 1970-01-01 UTC
  const wchar_t* text = reinterpret_cast<const wchar_t*>(base + raw.StringOffset);
  for (WORD i = 0; i < raw.NumStrings; ++i) {
    if (i) record.text += '\n';
    record.text += Narrow(text);
    text += wcslen(text) + 1;
  }
  return record;
}

// HKLM\SYSTEM\CurrentControlSet\Services\Eventlog\<log>\<source>: EventMessageFile (this
// .exe, which carries the message table) and TypesSupported, as "Event Sources" and "Message
// Files" (Microsoft Learn) ask; written each time, so a moved .exe is named where it is now.
DWORD RegisterSourceKey(const std::wstring& log, const std::wstring& source) {
  wchar_t module[MAX_PATH];
  const DWORD length = GetModuleFileNameW(nullptr, module, MAX_PATH);
  if (length == 0) return GetLastError();
  if (length >= MAX_PATH) return ERROR_INSUFFICIENT_BUFFER;  // XP truncates without saying so
  const std::wstring path = L"SYSTEM\\CurrentControlSet\\Services\\Eventlog\\" + log + L"\\" + source;
  RegKey key;
  LONG rc = RegCreateKeyExW(HKEY_LOCAL_MACHINE, path.c_str(), 0, nullptr, REG_OPTION_NON_VOLATILE, KEY_SET_VALUE,
                            nullptr, key.out(), nullptr);
  if (rc != ERROR_SUCCESS) return static_cast<DWORD>(rc);
  const DWORD types = EVENTLOG_ERROR_TYPE | EVENTLOG_WARNING_TYPE | EVENTLOG_INFORMATION_TYPE;
  rc = RegSetValueExW(key.get(), L"EventMessageFile", 0, REG_EXPAND_SZ, reinterpret_cast<const BYTE*>(module),
                      (length + 1) * sizeof(wchar_t));
  if (rc == ERROR_SUCCESS) {
    rc = RegSetValueExW(key.get(), L"TypesSupported", 0, REG_DWORD, reinterpret_cast<const BYTE*>(&types),
                        sizeof(types));
  }
  return static_cast<DWORD>(rc);
}

}  // namespace

fixer::Result<std::vector<fixer::EventRecord>> Win32EventLog::Read(const std::string& log) {
  HANDLE handle = OpenEventLogW(nullptr, Widen(log).c_str());
  if (!handle) return LastError();
  std::vector<fixer::EventRecord> records;
  std::vector<BYTE> buffer(64 * 1024);
  for (;;) {
    DWORD read = 0, needed = 0;
    if (!ReadEventLogW(handle, EVENTLOG_SEQUENTIAL_READ | EVENTLOG_FORWARDS_READ, 0, buffer.data(),
                       static_cast<DWORD>(buffer.size()), &read, &needed)) {
      DWORD error = GetLastError();
      if (error == ERROR_INSUFFICIENT_BUFFER) {
        buffer.resize(needed);
        continue;
      }
      CloseEventLog(handle);
      if (error == ERROR_HANDLE_EOF) return records;
      return Error(error);
    }
    for (DWORD offset = 0; offset < read;) {
      const auto* raw = reinterpret_cast<const EVENTLOGRECORD*>(buffer.data() + offset);
      records.push_back(RecordFrom(log, *raw));
      offset += raw->Length;
    }
  }
}

fixer::Status Win32EventLog::Write(const fixer::EventRecord& record) {
  // Unregistered, the event would be stored with its strings all the same, but shown without them.
  if (DWORD error = RegisterSourceKey(Widen(record.log), Widen(record.source)); error != ERROR_SUCCESS) {
    return Error(error);
  }
  HANDLE source = RegisterEventSourceW(nullptr, Widen(record.source).c_str());
  if (!source) return LastError();
  std::wstring text = Widen(record.text);
  const wchar_t* strings[] = {text.c_str()};
  BOOL ok = ReportEventW(source, TypeOf(record.type), 0, record.id, nullptr, 1, 0, strings, nullptr);
  DWORD error = ok ? ERROR_SUCCESS : GetLastError();
  DeregisterEventSource(source);
  if (!ok) return Error(error);
  changes_.Mark();
  return {};
}

}  // namespace win32
