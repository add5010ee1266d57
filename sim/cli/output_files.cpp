// RefuseUnwritableOutputs and RefuseUnwritableFolder (commands.h): the files a command will
// write, checked before its work; CannotWrite: one that failed after it.
#include <filesystem>
#include <system_error>

#include "commands.h"
#include "fakes/atomic_file.h"

namespace sim::cli {

std::optional<int> RefuseUnwritableOutputs(bool json, std::string_view verb, std::initializer_list<OutputFile> files,
                                           const std::vector<std::string>& inputs) {
  for (const OutputFile& f : files) {
    if (f.path.empty()) continue;
    if (fixer::Status st = fakes::CheckCanWriteAtomically(f.path); !st.ok())
      return SayInputError(json, verb, f.option + (" " + st.message()));
    for (const std::string& input : inputs) {
      if (fakes::SamePath(f.path, input))
        return SayInputError(json, verb,
                             f.option + (" " + f.path) + " is " + input + ", a file it reads: name another file");
    }
    for (const OutputFile& other : files) {
      if (&other == &f) break;  // each pair once, the later one named
      if (!other.path.empty() && fakes::SamePath(other.path, f.path))
        return SayInputError(json, verb,
                             f.option + (" " + f.path) + " is the file " + other.option + " writes: name another file");
    }
  }
  return std::nullopt;
}

std::string CannotWrite(const std::string& option, const fixer::Status& st) { return option + " " + st.message(); }

std::optional<int> RefuseUnwritableFolder(bool json, std::string_view verb, const std::string& option,
                                          const std::string& folder) {
  if (folder.empty()) return std::nullopt;
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (!ec && !std::filesystem::is_directory(folder, ec) && !ec) ec = std::make_error_code(std::errc::not_a_directory);
  if (ec) return SayInputError(json, verb, option + " " + folder + ": cannot be a folder: " + ec.message());
  // A file the command would write there: the probe creates and removes "folder/probe.tmp.PID".
  if (const auto why = fakes::WhyCannotCreateBeside((std::filesystem::path(folder) / "probe").string()))
    return SayInputError(json, verb, option + " " + folder + ": cannot write in it: " + why->reason);
  return std::nullopt;
}

}  // namespace sim::cli
