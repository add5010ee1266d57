// win32/files.h and replace_file.h: durable replace and file identity on the local file system.
#include <windows.h>

#include <algorithm>
#include <cwctype>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "fixer/ports/journal.h"
#include "replace_file.h"
#include "win32/files.h"
#include "win32_util.h"

namespace win32 {

namespace {

// WriteFile until all of `text` is written; false with the last error set on failure.
bool WriteAll(HANDLE file, std::string_view text) {
  while (!text.empty()) {
    const DWORD chunk = static_cast<DWORD>(std::min<size_t>(text.size(), 1u << 30));
    DWORD written = 0;
    if (!WriteFile(file, text.data(), chunk, &written, nullptr)) return false;
    if (written == 0) {
      SetLastError(ERROR_DISK_FULL);
      return false;
    }
    text.remove_prefix(written);
  }
  return true;
}

// The full path, lower-cased; empty if it has none.
std::wstring FullPath(const std::string& path) {
  const std::wstring wide = Widen(path);
  const DWORD needed = GetFullPathNameW(wide.c_str(), 0, nullptr, nullptr);
  if (needed == 0) return {};
  std::wstring out(needed, L'\0');
  const DWORD n = GetFullPathNameW(wide.c_str(), needed, out.data(), nullptr);
  if (n == 0 || n >= needed) return {};
  out.resize(n);
  for (wchar_t& c : out) c = static_cast<wchar_t>(std::towlower(c));
  return out;
}

// An error about `path` as every file error of the tool says it: "OUT: STEP: N: TEXT".
fixer::Status FileError(const std::string& path, std::string_view step, DWORD error) {
  return fixer::Status(error, path + ": " + std::string(step) + ": " + Error(error).ToString());
}

// Whether a JSON machine file (its text) holds a journal with a record: a key "journal" of the
// top-level object whose value is a list that is not empty. Strings are skipped whole, so a
// "journal" inside a value or a deeper object does not count.
bool JsonHoldsJournal(std::string_view text) {
  int depth = 0;
  bool expect_key = false;  // at depth 1, the next string is a key
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      const size_t start = i + 1;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;  // an escaped character, a quote included
      }
      if (depth != 1 || !expect_key) continue;
      expect_key = false;
      if (text.substr(start, i - start) != "journal") continue;
      size_t v = text.find_first_not_of(" \t\r\n", i + 1);
      if (v == std::string_view::npos || text[v] != ':') return false;
      v = text.find_first_not_of(" \t\r\n", v + 1);
      if (v == std::string_view::npos || text[v] != '[') return false;
      v = text.find_first_not_of(" \t\r\n", v + 1);
      return v != std::string_view::npos && text[v] != ']';
    }
    if (c == '{' || c == '[') {
      ++depth;
      expect_key = depth == 1 && c == '{';
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == ',' && depth == 1) {
      expect_key = true;
    }
  }
  return false;
}

// Whether the machine file at `path` holds a journal with a record. This build reads no machine
// file, so it looks only for that: in JSON (what capture and `show --format json` write) a
// top-level "journal" key with a list that is not empty; in YAML a top-level `journal:` key
// followed by a list that is not empty, as the machine file writer puts it
// (docs/machine-format.md#journal).
bool HoldsJournal(const std::string& path) {
  std::ifstream in(Widen(path).c_str(), std::ios::binary);  // MinGW's libstdc++ opens a wide path
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && text[first] == '{') return JsonHoldsJournal(text);
  std::istringstream lines(text);
  std::string line;
  bool in_journal = false;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (in_journal) {
      if (line.empty() || line[0] == '#') continue;
      return line[0] == ' ' || line[0] == '-';  // its first record, or the next key
    }
    if (line.rfind("journal:", 0) != 0) continue;
    const std::string rest = line.substr(8);
    const size_t first_char = rest.find_first_not_of(' ');
    if (first_char == std::string::npos || rest[first_char] == '#') {
      in_journal = true;
      continue;
    }
    return rest.compare(first_char, 2, "[]") != 0;  // a flow list: empty or not
  }
  return false;
}

// A failed step of the durable write, said of the file the user named, never of the temporary
// one (gone by now): as CheckCanWrite says the same refusals. A name taken only where it is free
// is said as the Linux tool says it ("OUT: cannot write: 183: ...").
std::string_view StepWords(ReplaceStep step, Replace replace) {
  switch (step) {
    case ReplaceStep::kCreateTemporary: return "cannot create a file beside it";
    case ReplaceStep::kWriteTemporary: return "cannot write";
    case ReplaceStep::kMoveOverTarget: return replace == Replace::kAny ? "cannot be written" : "cannot write";
  }
  return "cannot write";
}

// Whether the last part of `path` is a reserved device name (CON, PRN, AUX, NUL, COM1-COM9,
// LPT1-LPT9), with any extension and trailing spaces: "NUL.txt and NUL.tar.gz are both equivalent
// to NUL" (Microsoft Learn, Naming Files, Paths, and Namespaces). Or a name in the device
// namespace, \\.\NUL.
bool ReservedDeviceName(const std::wstring& path) {
  if (path.rfind(L"\\\\.\\", 0) == 0) return true;
  const size_t slash = path.find_last_of(L"\\/:");
  std::wstring base = path.substr(slash == std::wstring::npos ? 0 : slash + 1);
  base = base.substr(0, base.find(L'.'));
  while (!base.empty() && base.back() == L' ') base.pop_back();
  for (wchar_t& c : base) c = static_cast<wchar_t>(std::towupper(c));
  if (base == L"CON" || base == L"PRN" || base == L"AUX" || base == L"NUL") return true;
  return base.size() == 4 && (base.rfind(L"COM", 0) == 0 || base.rfind(L"LPT", 0) == 0) && base[3] >= L'1' &&
         base[3] <= L'9';
}

// Whether `path` names no disk file but a device or a pipe: a reserved name, or an existing
// name whose handle's GetFileType is not FILE_TYPE_DISK. Written straight into, never replaced,
// as the Linux tool writes into /dev/null; nothing is "beside" a device.
bool NamesADevice(const std::wstring& path) {
  if (ReservedDeviceName(path)) return true;
  HANDLE h = CreateFileW(path.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_EXISTING,
                         FILE_ATTRIBUTE_NORMAL, nullptr);
  if (h == INVALID_HANDLE_VALUE) return false;
  const bool device = GetFileType(h) != FILE_TYPE_DISK;
  CloseHandle(h);
  return device;
}

// `text` written into the device `path` names (opened as it is, never created or replaced).
fixer::Status WriteIntoDevice(const std::string& path, std::string_view text) {
  File device(CreateFileW(Widen(path).c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                          OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr));
  if (!device.valid()) return FileError(path, "cannot be written", GetLastError());
  if (!WriteAll(device.get(), text)) return FileError(path, "cannot write", GetLastError());
  return {};
}

}  // namespace

fixer::Result<Replace> CheckCanWrite(const std::string& path) {
  const std::wstring wide = Widen(path);
  if (NamesADevice(wide)) return Replace::kAny;  // written into: no file replaced, none made beside it
  const DWORD attributes = GetFileAttributesW(wide.c_str());
  // Symbolic links that loop lead to no file: refused, the links left as they are (a rename
  // would replace the link), as the Linux tool refuses ELOOP (docs/windows-reference.md#file-errors).
  if (attributes == INVALID_FILE_ATTRIBUTES && GetLastError() == ERROR_CANT_RESOLVE_FILENAME)
    return FileError(path, "cannot be written", ERROR_CANT_RESOLVE_FILENAME);
  const Replace replace = attributes == INVALID_FILE_ATTRIBUTES ? Replace::kNothing : Replace::kAny;
  if (attributes != INVALID_FILE_ATTRIBUTES) {
    // A folder is no file to replace, and MoveFileEx over a read-only file answers 5, an
    // administrator's too (docs/windows-reference.md#file-errors): said before any work.
    if (attributes & (FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_READONLY))
      return FileError(path, "cannot be written", ERROR_ACCESS_DENIED);
    // The only record of a repair that did not end there is never replaced (as the Linux tool).
    const std::string log = path + ".log";
    const bool log_beside = GetFileAttributesW(Widen(log).c_str()) != INVALID_FILE_ATTRIBUTES;
    if (log_beside || HoldsJournal(path)) {
      const std::string why =
          log_beside ? log + " is beside it, where a run keeps its changes until its end" : "it holds a journal";
      // This build has no --machine: the file is the state-file tool's, which resumes it.
      return fixer::Status(ERROR_ACCESS_DENIED,
                           path + ": " + fixer::UnfinishedRepairHead(why) +
                               "; resume it or roll it back with the aspnet-fixer that wrote it (its --machine " +
                               path + "), or name another --out, or remove " +
                               (log_beside ? path + " and " + log : path) + " to write there");
    }
  }
  // A file can be made beside it (the temporary file the write moves over it): a probe, gone on close.
  const std::wstring probe = wide + L".tmp." + Widen(std::to_string(GetCurrentProcessId()));
  HANDLE h = CreateFileW(probe.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS,
                         FILE_ATTRIBUTE_TEMPORARY | FILE_FLAG_DELETE_ON_CLOSE, nullptr);
  if (h == INVALID_HANDLE_VALUE) return FileError(path, "cannot create a file beside it", GetLastError());
  CloseHandle(h);
  return replace;
}

std::optional<ReplaceFailure> ReplaceFile(const std::wstring& path, const std::wstring& temp, std::string_view text,
                                          Replace replace) {
  File file(CreateFileW(temp.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS,
                        FILE_ATTRIBUTE_NORMAL | FILE_FLAG_WRITE_THROUGH, nullptr));
  if (!file.valid()) return ReplaceFailure{ReplaceStep::kCreateTemporary, GetLastError()};
  const bool written = WriteAll(file.get(), text) && FlushFileBuffers(file.get());
  const DWORD write_error = GetLastError();
  if (!file.Close() || !written) {
    const DWORD error = written ? GetLastError() : write_error;
    DeleteFileW(temp.c_str());
    return ReplaceFailure{ReplaceStep::kWriteTemporary, error};
  }
  const DWORD flags = MOVEFILE_WRITE_THROUGH | (replace == Replace::kAny ? MOVEFILE_REPLACE_EXISTING : 0);
  if (!MoveFileExW(temp.c_str(), path.c_str(), flags)) {
    const DWORD error = GetLastError();
    DeleteFileW(temp.c_str());
    return ReplaceFailure{ReplaceStep::kMoveOverTarget, error};
  }
  return std::nullopt;
}

fixer::Status WriteFileDurably(const std::string& path, std::string_view text, Replace replace) {
  // std::to_string, not std::to_wstring: the latter imports a CRT function XP's msvcrt.dll may lack.
  if (NamesADevice(Widen(path))) return WriteIntoDevice(path, text);
  const std::string temp = path + ".tmp." + std::to_string(GetCurrentProcessId());
  // Checked again: the machine's reads took time, and a file may have come since.
  if (fixer::Status st = CheckCanWrite(path).status(); !st.ok()) return st;
  const std::optional<ReplaceFailure> failed = ReplaceFile(Widen(path), Widen(temp), text, replace);
  if (!failed) return {};
  return FileError(path, StepWords(failed->step, replace), failed->error);
}

bool SameFile(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::wstring full = FullPath(a);
  return !full.empty() && full == FullPath(b);
}

}  // namespace win32
