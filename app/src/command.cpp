// aspnet-fixer's command line (app/command.h): parses the options, opens the backend, runs one
// verb (app/verbs.h) and prints its report.
#include "app/command.h"

#include <algorithm>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/capture.h"
#include "app/capture_report.h"
#include "app/cli_values.h"
#include "app/help_and_version.h"
#include "app/json_text.h"
#include "app/long_words.h"
#include "app/named_command.h"
#include "app/parse_errors.h"
#include "app/standard_output.h"
#include "app/stop_words.h"
#include "app/typed_line.h"
#include "app/typed_secrets.h"
#include "app/verbs.h"
#include "fixer/exit_code.h"
#include "fixer/quoted_value.h"
#include "fixer/secret.h"
#include "fixer/utf8.h"
#include "fixup/version.h"

namespace app {
namespace {

constexpr const char* kExitCodesHelp =
    "Exit codes: 0 fixed and verified, or nothing to do (diagnose, plan and --dry-run: read, the verdict in the "
    "report; not a promise that the site works); 1 failed, machine restored (or a read failed, nothing changed); "
    "2 usage or input error; 3 refused, or stopped (Ctrl-C) before any change or before its report, nothing "
    "changed; 4 failed or interrupted and not restored: run resume or rollback (diagnose: a repair is pending). "
    "capture: 0 written (parts it could not read are listed in the file), 1 nothing readable (no file written), "
    "2 usage or input error, or --out (or standard output) cannot be written, 3 stopped (Ctrl-C) before it was "
    "written.";

struct FixerArgs {
  std::string command;
  std::string strategy = "keep-sid";
  std::string temp_password;  // "-": one line from standard input
  bool temp_password_given = false;
  bool dry_run = false;
  bool json = false;
  bool verbose = false;
  std::string out;  // capture: the file to write (standard output if empty)
};

constexpr std::string_view kTool = "aspnet-fixer";

constexpr std::string_view kVerbNames[] = {"diagnose", "plan", "apply", "resume", "rollback", "capture"};

bool IsVerb(std::string_view word) {
  return std::find(std::begin(kVerbNames), std::end(kVerbNames), word) != std::end(kVerbNames);
}

// An option only some verbs read: given to another it is said to be ignored, on standard error,
// and has no effect (`rollback --strategy recreate` rolls back as its journal says; `diagnose
// --temp-password -` reads nothing from standard input). Not refused: the usage line gives every
// verb the same options, and a script passing its apply's options to resume must still resume.
struct VerbOption {
  CLI::Option* option;
  std::vector<std::string_view> verbs;
  std::function<void()> forget;  // the value as if not given: `diagnose --strategy x` is no usage error
};

// An error said on standard error; with --json also as the one JSON object on standard output
// that --json promises, so a script reads the exit code and why (as it does for a machine that
// cannot be written: RunJson's "not_written" and "error"). README.md documents the shape.
// Standard error's line names the program and the verb (ErrorLine); the JSON object has the verb as
// `command`, and `error` is the message alone.
// `not_written`: the error is a machine file that could not be written (capture --out), said
// as a verb's machine not written is (RunJson's "not_written").
fixer::ExitCode SayError(const FixerArgs& args, fixer::ExitCode code, const char* outcome, const std::string& why,
                         bool not_written = false) {
  std::cerr << ErrorLine(kTool, args.command, why) << "\n";
  if (args.json) {
    nlohmann::json j = {{"command", args.command.empty() ? nullptr : nlohmann::json(args.command)},
                        {"outcome", outcome},
                        {"exit_code", fixer::ToInt(code)},
                        {"error", why}};
    if (not_written) j["not_written"] = why;
    std::cout << JsonText(j) << "\n";
  }
  return code;
}

// A usage or input error (exit 2).
fixer::ExitCode UsageError(const FixerArgs& args, const std::string& why) {
  return SayError(args, fixer::ExitCode::kUsage, "input-error", why);
}

// Whether `out` is one of the files the backend reads (a capture never overwrites its input).
bool NamesAnInput(const std::string& out, const BackendOpener& opener) {
  for (const std::string& input : opener.Inputs()) {
    if (opener.SameFile(out, input)) return true;
  }
  return false;
}

// An --out that could not be written (capture's, or one refused when the machine was opened):
// exit 2, said as every verb's machine not written, the text report on standard output too
// (`Not written: ...`), as the JSON's `not_written`.
fixer::ExitCode OutNotWritten(const FixerArgs& args, const std::string& why) {
  if (!args.json) std::cout << fixer::EscapeForReader(NotWrittenText(why));
  return SayError(args, fixer::ExitCode::kUsage, "input-error", why, /*not_written=*/true);
}

// The machine could not be opened: a refusal of the backend's own --out is that file not
// written (a repair that did not end there, a log beside it not this tool's); any other is input.
fixer::ExitCode OpenFailed(const FixerArgs& args, const BackendOpener& opener, const std::string& error) {
  return opener.OpenRefusedOut() ? OutNotWritten(args, error) : UsageError(args, error);
}

// aspnet-fixer capture: reads the machine (never a mutating call) and writes it as a machine
// file (app/capture.h). The backend's BeginChanges/EndChanges are not called: nothing changes.
fixer::ExitCode Capture(const FixerArgs& args, fixer::Backend& backend, BackendOpener& opener) {
  // A file that cannot be written is said before the machine is read, as every verb's --out.
  if (!args.out.empty()) {
    if (fixer::Status st = opener.CheckCanWrite(args.out); !st.ok()) return OutNotWritten(args, st.message());
  }
  const app::Capture capture = CaptureMachine(
      backend.ports(), std::string("aspnet-fixer ") + fixup::kVersion + " (commit " + fixup::kCommit + ")");
  opener.FinishDespiteStops();  // read: the file and the report are written whole from here
  for (const UnreadablePart& u : capture.unreadable) {
    std::cerr << ErrorLine(kTool, "capture", "could not read " + u.read + ": " + u.error.ToString()) << "\n";
  }
  if (capture.reads_ok == 0)
    return SayError(args, fixer::ExitCode::kFailed, "nothing-readable", "nothing could be read; no file written");
  const std::string text = CaptureText(capture);
  if (args.out.empty()) {  // standard output is the file: one it could not take is not written
    std::cout << text;
    return FlushStandardOutput("aspnet-fixer capture", ReasonWords::kWindows) ? fixer::ExitCode::kOk
                                                                              : fixer::ExitCode::kUsage;
  }
  if (fixer::Status st = opener.WriteFileDurably(args.out, text); !st.ok()) {
    // Where it goes cannot be written: exit 2, as for every verb's --out; 1 says nothing was readable.
    return OutNotWritten(args, st.message());
  }
  const size_t unreadable_count = capture.unreadable.size();
  std::cerr << ErrorLine(kTool, "capture",
                         "wrote " + args.out +
                             (unreadable_count == 0   ? "; everything was read"
                              : unreadable_count == 1 ? "; 1 read failed (said above, and listed in it)"
                                                      : "; " + std::to_string(unreadable_count) +
                                                            " reads failed (said above, and listed in it)"))
            << "\n";
  // The file is elsewhere: standard output reports it, the one object --json promises, or the same
  // in text. A report that never reached it is exit 2, as every report of a run that changed nothing.
  std::cout << (args.json ? JsonText(CaptureWrittenJson(capture, args.out)) + "\n"
                          : fixer::EscapeForReader(CaptureWrittenText(capture, args.out)));
  return FlushStandardOutput("aspnet-fixer capture", ReasonWords::kWindows) ? fixer::ExitCode::kOk
                                                                            : fixer::ExitCode::kUsage;
}

// A run that changes nothing: a stop (Ctrl-C) ends it at once, saying so (app/stop_words.h).
void EndAtOnceOnStop(const FixerArgs& args, BackendOpener& opener) {
  opener.EndAtOnceOnStop([&args](std::string_view stop) { return ReadOnlyStopWords(args.command, args.json, stop); });
}

fixer::ExitCode Execute(FixerArgs& args, BackendOpener& opener) {
  if (args.command == "capture") {
    if (!args.out.empty() && NamesAnInput(args.out, opener))
      return UsageError(args, "--out " + args.out + " is the machine it reads; name another file");
    std::string error;
    EndAtOnceOnStop(args, opener);
    std::unique_ptr<fixer::Backend> backend = opener.Open(OpenFor::kReading, error);
    if (!backend) {
      opener.FinishDespiteStops();
      return OpenFailed(args, opener, error);
    }
    return Capture(args, *backend, opener);
  }
  const Verb verb = *VerbFromString(args.command);  // CLI11 checked the name
  fixer::Options options;
  auto strategy = fixer::StrategyFromString(args.strategy);
  if (!strategy.ok())
    return UsageError(args, "--strategy must be keep-sid or recreate, not " + fixer::QuotedValue(args.strategy));
  options.strategy = *strategy;
  options.dry_run = args.dry_run;
  if (args.temp_password_given) {
    std::string typed = args.temp_password;
    const bool from_input = typed == "-";
    if (from_input) {
      // A stop while it waits ends the run at once: exit 3, nothing changed (README's exit-3 row).
      std::optional<std::string> line = opener.ReadTypedLine(
          [&args](std::string_view stop) { return BeforeAnyChangeStopWords(args.command, args.json, stop); });
      if (!line) return UsageError(args, "--temp-password -: no line on standard input");
      typed = std::move(*line);
    }
    args.temp_password.assign(args.temp_password.size(), '\0');
    // Before anything changes; said without the password (app/cli_values.h).
    if (const std::string why = WhyNotWindowsText(typed); !why.empty()) {
      typed.assign(typed.size(), '\0');
      return UsageError(args,
                        (from_input ? "--temp-password -: the line on standard input: " : "--temp-password: ") + why);
    }
    options.temp_password = fixer::Secret::FromString(std::move(typed));
  }

  std::string error;
  // A dry run changes nothing whatever the verb: it reads beside a run that holds the machine.
  const bool changes = Mutates(verb, options);
  if (!changes) EndAtOnceOnStop(args, opener);
  std::unique_ptr<fixer::Backend> backend = opener.Open(changes ? OpenFor::kChanging : OpenFor::kReading, error);
  if (!backend) {
    opener.FinishDespiteStops();
    return OpenFailed(args, opener, error);
  }
  // Before the end, where a run that changes nothing writes its --out: from there it ends whole.
  VerbRun run = RunVerb(*backend, verb, options, args.verbose, nullptr, [&opener] { opener.FinishDespiteStops(); });
  run.journal_file = opener.JournalFile();
  if (args.verbose) std::cerr << run.log;
  // The text report as standard error shows its words: a file name's bytes that are not UTF-8,
  // or that a terminal obeys, as \xNN (the JSON escapes them its own way).
  std::cout << (args.json ? JsonText(RunJson(run)) + "\n" : fixer::EscapeForReader(RunText(run)));
  // An interruption, a stop and what the run could not make durable are said on standard error
  // too, as every error a verb says: standard output may be a file a script reads later.
  if (run.crashed) std::cerr << ErrorLine(kTool, args.command, "interrupted: " + run.crash) << "\n";
  if (!run.stopped.empty()) std::cerr << ErrorLine(kTool, args.command, run.stopped + ": nothing was changed") << "\n";
  for (const std::string& warning : run.warnings) std::cerr << ErrorLine(kTool, args.command, warning) << "\n";
  // An input error is said on standard error too, as every usage error is (stdout may be a file).
  if (const std::string error = InputErrorOf(run); !error.empty())
    std::cerr << ErrorLine(kTool, args.command, error) << "\n";
  // So is a read that failed (diagnose, plan: exit 1), as `aspnet-fixer diagnose: 50: ...`.
  if (const std::string error = ReadErrorOf(run); !error.empty())
    std::cerr << ErrorLine(kTool, args.command, error) << "\n";
  // A report that never reached standard output (a full disk) is exit 2 where the run changed
  // nothing, which 2 says too; after a change the run's own code stands: it says what the
  // machine is now (resume, rollback), and the error is on standard error.
  if (!FlushStandardOutput("aspnet-fixer " + args.command, ReasonWords::kWindows) && !run.changed)
    return fixer::ExitCode::kUsage;
  return run.exit_code;
}

}  // namespace

std::optional<std::string> BackendOpener::ReadTypedLine(const fixer::StopWordsFor& words) {
  EndAtOnceOnStop(words);
  std::optional<std::string> line = app::ReadTypedLine(std::cin);
  FinishDespiteStops();
  return line;
}

int AspnetFixerMain(int argc, char** argv, BackendOpener& opener) {
  WatchStandardOutput();
  const EscapedStandardError escaped;  // a file name in a message cannot command the terminal
  FixerArgs args;
  CLI::App app{"aspnet-fixer: repairs ASP.NET 1.0 \"Server Application Unavailable\" after MS03-032"};
  app.footer(kExitCodesHelp);
  app.set_version_flag("--version",
                       std::string("aspnet-fixer ") + fixup::kVersion + " (commit " + fixup::kCommit + ")");
  Required(app.add_option("command", args.command, "diagnose | plan | apply | resume | rollback | capture"),
           "give a command: diagnose, plan, apply, resume, rollback or capture")
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(kVerbNames), std::end(kVerbNames))));
  opener.AddOptions(app);
  // capture --out FILE; a backend that has its own --out (the state file's) shares it.
  CLI::Option* out = app.get_option_no_throw("--out");
  const bool out_is_captures = out == nullptr;  // no machine file to write: only capture reads it
  if (!out)
    out = app.add_option("--out", args.out, "capture: write the machine file here (atomically), not to stdout")
              ->check(kFileName);
  std::vector<VerbOption> verb_options = {
      {app.add_option("--strategy", args.strategy,
                      "plan, apply: keep-sid (default: keeps the SID) or recreate (as fixup.cmd); resume and "
                      "rollback follow their journal's"),
       {"plan", "apply"},
       [&args] { args.strategy = FixerArgs().strategy; }},
      {app.add_option("--temp-password", args.temp_password,
                      "plan, apply, resume, rollback: temporary password to use instead of a random one; '-' reads "
                      "it from standard input")
           ->each([&args](const std::string&) { args.temp_password_given = true; }),
       {"plan", "apply", "resume", "rollback"},
       [&args] {
         args.temp_password_given = false;
         args.temp_password.assign(args.temp_password.size(), '\0');
       }},
      {app.add_flag("--dry-run", args.dry_run, "apply, resume, rollback: print what it would do and change nothing"),
       {"apply", "resume", "rollback"},
       [&args] { args.dry_run = false; }},
  };
  if (out_is_captures) verb_options.push_back({out, {"capture"}, [&args] { args.out.clear(); }});
  app.add_flag("--json", args.json, "print one JSON object");
  app.add_flag("-v,--verbose", args.verbose, "print the fixer's log on standard error");
  RefuseOptionNamesAsValues(app, "aspnet-fixer");
  try {
    RefuseCommandAfterOptionsEnd(argc, argv, IsVerb);
    ParseCommandLine(app, argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 may stop before it reaches --json (a bad command name) or sets the verb (a value
    // missing at the end): the words as written count.
    args.json = args.json || AsksFor(argc, argv, "--json");
    if (args.command.empty())
      args.command = NamedCommand(argc, argv, IsVerb, [&app](std::string_view word) { return TakesValue(app, word); });
    // --help, --version: the report (with --json one JSON object), checked as every report is.
    if (e.get_exit_code() == 0)
      return SayHelpOrVersion(app, e,
                              {.tool = kTool, .verb = args.command, .json = args.json, .words = ReasonWords::kWindows});
    // Named as every error of the verb is (aspnet-fixer apply: ...), CLI11's hint after it.
    const std::string said = WithLongWordsCut(
        WithoutTypedSecrets(InOurWords(e, app, {.tool = kTool, .verb = args.command, .argc = argc, .argv = argv}), argc,
                            argv, {"--temp-password"}, &app, IsVerb),
        argc, argv);
    const fixer::ExitCode code = UsageError(args, said);
    if (!args.json) std::cerr << "Run with --help for more information.\n";
    return fixer::ToInt(code);
  }
  if (out->count() > 0) args.out = out->as<std::string>();
  for (const VerbOption& v : verb_options) {
    if (v.option->count() == 0 || std::find(v.verbs.begin(), v.verbs.end(), args.command) != v.verbs.end()) continue;
    std::cerr << ErrorLine(kTool, args.command,
                           v.option->get_name() + " ignored: only " + CLI::detail::join(v.verbs, ", ") + " read it")
              << "\n";
    v.forget();
  }
  return fixer::ToInt(Execute(args, opener));
}

}  // namespace app
