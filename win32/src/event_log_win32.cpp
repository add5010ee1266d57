// EventLog: OpenEventLog + ReadEventLog (sequential, oldest first) and RegisterEventSource +
// ReportEvent. An event's text is its insertion strings joined by newlines: the fixer writes its
// mark as one string, so what it reads back is what it wrote (Event Viewer formats others with
// their source's message file, which this port does not load).
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
  // The source need not be registered: the event is stored with its strings all the same.
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
