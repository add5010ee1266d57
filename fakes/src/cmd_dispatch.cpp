// RunCommandLine: how cmd.exe finds and runs a program on the fake machine.
//
// net, runas and iisreset live in %SystemRoot%\system32, which is on the PATH [M]; iisreset is
// there only when IIS is installed (an IISADMIN service exists). aspnet_regiis.exe lives in its
// framework folder, not on the PATH [S: docs/windows-reference.md#aspnet-regiis], so fixup.cmd's `cd /d` into
// v1.0.3705 is what lets `aspnet_regiis -i` be found. A program named by its path is found in its
// folder as the fake knows it (fakes/path_knowledge.h), XP's programs the fake does not model stop
// (NotModelled). Anything else: "'X' is not recognized as an internal or external command,\n
// operable program or batch file." and errorlevel 9009.
#include <algorithm>
#include <optional>

#include "cmd_common.h"
#include "fakes/aspnet_setup.h"
#include "fakes/commands.h"
#include "fakes/objects.h"
#include "fakes/path_knowledge.h"
#include "fakes/paths.h"
#include "fakes/sam.h"
#include "fixer/masked_secret.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "fixer/secret.h"

namespace fakes {
namespace {

bool IsDrive(const std::string& p) {
  return (p.size() == 2 || (p.size() == 3 && p[2] == '\\')) && std::isalpha(static_cast<unsigned char>(p[0])) &&
         p[1] == ':';
}

// "C:\WINDOWS\system32\net.exe" -> ("C:\WINDOWS\system32", "net"); extension must be runnable.
bool SplitProgram(const std::string& word, std::string* dir, std::string* name) {
  std::string w = Unquote(word);
  const size_t slash = w.find_last_of("\\/");
  *dir = slash == std::string::npos ? "" : w.substr(0, slash);
  std::string base = slash == std::string::npos ? w : w.substr(slash + 1);
  const size_t dot = base.rfind('.');
  if (dot != std::string::npos) {
    const std::string ext = fixer::FoldWindowsName(base.substr(dot));
    if (ext != ".exe" && ext != ".com" && ext != ".bat" && ext != ".cmd") return false;
    base = base.substr(0, dot);
  }
  *name = fixer::FoldWindowsName(base);
  return !name->empty();
}

// The framework version whose folder `dir` is, if its aspnet_regiis.exe is on disk.
std::optional<std::string> FrameworkOfFolder(const Console& con, const std::string& dir) {
  AspNetSetup setup(con.machine);
  for (const auto& fw : con.machine.state().products.frameworks) {
    const std::string fdir = setup.FrameworkDir(fw.version);
    if (!fixer::SameWindowsName(fdir, dir) || !fw.tools_present) continue;
    if (PathExists(con, JoinPath(fdir, "aspnet_regiis.exe"))) return fw.version;
  }
  return std::nullopt;
}

// Where each word of SplitCommandLine lies on its line: spaces and tabs separate, double quotes
// group (and are kept).
struct WordSpan {
  size_t begin = 0;
  size_t size = 0;
};
std::vector<WordSpan> WordSpans(const std::string& line) {
  std::vector<WordSpan> spans;
  bool quoted = false, any = false;
  size_t begin = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (!quoted && (c == ' ' || c == '\t')) {
      if (any) spans.push_back({begin, i - begin});
      any = false;
      continue;
    }
    if (c == '"') quoted = !quoted;
    if (!any) begin = i;
    any = true;
  }
  if (any) spans.push_back({begin, line.size() - begin});
  return spans;
}

std::vector<std::string> WordsAt(const std::string& line, const std::vector<WordSpan>& spans) {
  std::vector<std::string> words;
  words.reserve(spans.size());
  for (const WordSpan& w : spans) words.push_back(line.substr(w.begin, w.size));
  return words;
}

std::optional<int> NotRecognized(Console& con, const std::string& word) {
  con.Write("'" + word +
                "' is not recognized as an internal or external command,\n"
                "operable program or batch file.\n",
            Stream::kErr);
  return static_cast<int>(fixer::kErrorBadCommand);
}

// A program named by its path in a folder other than system32's (those are RunCommandLine's):
// the folder as the fake knows it (KnowPath), then the program in it. A folder that does not
// exist: "The system cannot find the path specified.", errorlevel 3 (ERROR_PATH_NOT_FOUND) [M]; a
// program the folder is known not to hold: "not recognized", 9009; anything the fake does not model
// (the folder, or whether the program is in it): not supported, never a guess.
std::optional<int> RunProgramByPath(Console& con, const std::string& word, const std::string& folder) {
  const std::string shown = Unquote(word);
  switch (KnowPath(con, folder)) {
    case PathKnown::kAbsent:
    case PathKnown::kFile:
      con.WriteLine("The system cannot find the path specified.", Stream::kErr);
      return static_cast<int>(fixer::kErrorPathNotFound);
    case PathKnown::kNotModelled: throw NotModelled{"the folder of " + fixer::QuotedValue(shown)};
    case PathKnown::kFolder: break;
  }
  std::string name = shown.substr(shown.find_last_of("\\/") + 1);
  // No extension: cmd tries PATHEXT's in turn; the fake knows a program or its absence alike for each.
  const std::vector<std::string> files =
      name.find('.') != std::string::npos
          ? std::vector<std::string>{name}
          : std::vector<std::string>{name + ".com", name + ".exe", name + ".bat", name + ".cmd"};
  for (const std::string& file : files) {
    const PathKnown k = KnowPath(con, JoinPath(folder, file));
    if (k == PathKnown::kFile || k == PathKnown::kNotModelled) throw NotModelled{fixer::QuotedValue(shown)};
  }
  return NotRecognized(con, word);
}

}  // namespace

std::vector<std::string> SplitCommandLine(const std::string& line) { return WordsAt(line, WordSpans(line)); }

std::string Unquote(const std::string& word) {
  std::string out;
  for (char c : word)
    if (c != '"') out += c;
  return out;
}

std::string ResolvePath(const Console& con, const std::string& raw) {
  std::string path = Unquote(raw);
  std::replace(path.begin(), path.end(), '/', '\\');
  std::string base;
  if (path.size() >= 2 && path[1] == ':') {
    base = path.substr(0, 2);
    path = path.substr(2);
    if (path.empty() || path[0] != '\\') path = "\\" + path;  // "C:foo": from the root here
  } else if (!path.empty() && path[0] == '\\') {
    base = con.cwd.substr(0, 2);
  } else {
    base = con.cwd.substr(0, 2);
    path = con.cwd.substr(2) + "\\" + path;
  }
  std::vector<std::string> parts;
  std::string part;
  auto flush = [&] {
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    part.clear();
  };
  for (char c : path) {
    if (c == '\\')
      flush();
    else
      part += c;
  }
  flush();
  std::string out = base;
  for (const auto& p : parts) out += "\\" + p;
  return out;
}

bool PathExists(const Console& con, const std::string& path) {
  if (IsDrive(path)) return fixer::SameWindowsName(path.substr(0, 2), SystemDrive(con.machine.state()));
  return ObjectStore(con.machine).Exists({fixer::ObjectNamespace::kFile, path});
}

std::optional<int> RunCommandLine(Console& con, const std::string& line) {
  size_t start = line.find_first_not_of(" \t");
  if (start == std::string::npos) return std::nullopt;
  const std::string text = line.substr(start);
  if (const std::optional<InternalCommand> internal = SplitInternalCommand(text)) {
    // echo takes its text raw (separator included): "echo." "echo:" "echo text".
    if (internal->name == "echo") return RunEcho(con, internal->rest);
    if (internal->name == "cd" || internal->name == "chdir") return RunCd(con, SplitCommandLine(internal->Arguments()));
    if (internal->name == "rem") return std::nullopt;
    throw NotModelled{"cmd's '" + internal->name + "'"};
  }
  const std::vector<std::string> words = SplitCommandLine(text);
  const std::vector<std::string> args(words.begin() + 1, words.end());

  std::string dir, name;
  if (SplitProgram(words[0], &dir, &name)) {
    const MachineState& s = con.machine.state();
    const std::string system32 = JoinPath(SystemRoot(s), "system32");
    const std::string where = dir.empty() ? "" : ResolvePath(con, dir);
    const bool in_system32 = where.empty() || fixer::SameWindowsName(where, system32);
    if (in_system32) {
      if (const std::optional<System32Program> program = ModelledSystem32Program(con.machine, name)) {
        switch (*program) {
          case System32Program::kNet: return RunNet(con, args);
          case System32Program::kRunas: return RunRunas(con, args);
          case System32Program::kIisreset: return RunIisreset(con, args);
        }
      }
      if (IsUnmodelledXpProgram(name)) throw NotModelled{"'" + Unquote(words[0]) + "'"};
    }
    if (name == "aspnet_regiis") {
      if (auto version = FrameworkOfFolder(con, where.empty() ? con.cwd : where))
        return RunAspnetRegiis(con, *version, args);
    }
    if (!where.empty()) return RunProgramByPath(con, words[0], where);
  }
  return NotRecognized(con, words[0]);
}

namespace {

// cmd's operators end a command: the words after one are another command's.
bool EndsTheCommand(const std::string& word) {
  return word.starts_with('&') || word.starts_with('|') || word.starts_with('>') || word.starts_with('<') ||
         word.starts_with("2>") || word.starts_with("1>");
}

}  // namespace

std::vector<size_t> NetUserPasswordWords(const std::vector<std::string>& words) {
  std::vector<size_t> out;
  // Wherever `net user` starts on the line: first, or after `if errorlevel 1`, `&&`, `(`...
  for (size_t k = 0; k + 2 < words.size(); ++k) {
    std::string dir, name;
    const std::string program = words[k].starts_with('(') ? words[k].substr(1) : words[k];
    if (!SplitProgram(program, &dir, &name) || (name != "net" && name != "net1")) continue;
    if (fixer::FoldWindowsName(words[k + 1]) != "user" && fixer::FoldWindowsName(words[k + 1]) != "users") continue;
    int positional = 0;  // net's own reading: words not starting with '/' are NAME, then PASSWORD
    for (size_t i = k + 2; i < words.size() && !EndsTheCommand(words[i]); ++i) {
      if (words[i].starts_with('/')) continue;
      // The name is shown; anything after it (the password, or a stray word net refuses) is not.
      if (positional++ >= 1 && Unquote(words[i]) != "*") out.push_back(i);
    }
  }
  std::sort(out.begin(), out.end());  // `net user net user a b` reads a word twice
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string MaskedSecrets(std::string text, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (secret == "*") continue;
    text = fixer::MaskedSecret(std::move(text), secret);
  }
  return text;
}

std::string MaskedCommandLine(const std::string& line, const std::vector<std::string>& typed_secrets) {
  const std::vector<WordSpan> spans = WordSpans(line);
  std::string out = line;
  const std::vector<size_t> passwords = NetUserPasswordWords(WordsAt(line, spans));
  // From the right, so the spans to the left stay where they were; the rest of the line is kept
  // byte for byte, spacing and all.
  for (auto it = passwords.rbegin(); it != passwords.rend(); ++it)
    out.replace(spans[*it].begin, spans[*it].size, fixer::kMaskedSecret);
  return MaskedSecrets(std::move(out), typed_secrets);
}

}  // namespace fakes
