// CheckJournalOfMachineFile (state_file_journal.h): fixer::CheckJournal, placed in the file.
#include "state_file_journal.h"

#include <vector>

#include "fakes/machine_log.h"
#include "fakes/sam.h"
#include "fakes/text_encoding.h"
#include "fakes/whole_file.h"
#include "fakes/yaml_parse.h"
#include "fixer/ports/aspnet.h"
#include "fixer/ports/journal.h"
#include "fixer/win_error.h"
#include "yaml_reader.h"

namespace fakes {
namespace {

// Where the file's `journal:` list holds record `index`, if it does (a record the log added is
// not in the file). With `key`, where its data gives that key's value, when it does; with `field`,
// where the record gives that field of its own ("seq").
std::optional<yaml::Mark> RecordMark(const yaml::Tree& tree, const std::string& path, size_t index,
                                     const std::string& key, const std::string& field) {
  const yaml::Field root(tree, tree.root(), "", &path);
  if (!root.IsMap()) return std::nullopt;
  for (const yaml::Entry& e : yaml::MapEntries(root)) {
    if (e.key != "journal" || !e.value.IsSequence()) continue;
    const std::vector<yaml::Field> items = e.value.Items();
    if (index >= items.size()) return std::nullopt;
    if (!key.empty() && items[index].IsMap()) {
      for (const yaml::Entry& own : yaml::MapEntries(items[index])) {
        if (own.key != "data" || !own.value.IsMap()) continue;
        for (const yaml::Entry& d : yaml::MapEntries(own.value))
          if (d.key == key) return d.value.mark();
      }
    }
    if (!field.empty() && items[index].IsMap()) {
      for (const yaml::Entry& own : yaml::MapEntries(items[index]))
        if (own.key == field) return own.value.mark();
    }
    return items[index].mark();
  }
  return std::nullopt;
}

// The service lookup of this machine, as the service control manager answers Query.
fixer::Result<fixer::ServiceInfo> ServiceOf(const MachineState& state, const std::string& name) {
  const fixer::ServiceInfo* svc = state.services.FindName(name);
  if (!svc) return fixer::Status::Win(fixer::kErrorServiceDoesNotExist);
  return *svc;
}

}  // namespace

std::optional<LoadError> CheckJournalOfMachineFile(const std::string& path, const MachineState& state) {
  // The account a plan may name is ASPNET (CheckJournal), checked against its SID now.
  std::optional<fixer::JournalProblem> problem =
      fixer::CheckJournalOnMachine(state.journal, UserSidIn(state, fixer::kMachineWorkerAccount));
  if (!problem) {
    problem = fixer::CheckJournalServicesOnMachine(state.journal,
                                                   [&](const std::string& name) { return ServiceOf(state, name); });
  }
  if (!problem) return std::nullopt;
  const std::string message = fixer::JournalProblemText(*problem);
  std::string bytes, decoded;
  if (ReadWholeFile(path, bytes) == 0) {
    const Loaded<std::string_view> text = TextAsUtf8(bytes, path, decoded);
    if (text.ok()) {
      const yaml::ParseResult parsed = yaml::ParseYaml(*text.value);
      if (!parsed.error) {
        if (const std::optional<yaml::Mark> mark =
                RecordMark(parsed.tree, path, problem->record, problem->key, problem->field)) {
          LoadError error = yaml::MakeError(path, *mark, message);
          AttachSource(error, *text.value);
          return error;
        }
      }
    }
  }
  return LoadError{MachineLogPath(path), 0, 0, message};
}

}  // namespace fakes
