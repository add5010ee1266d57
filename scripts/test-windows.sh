#!/usr/bin/env bash
# The Windows executables under Debian's wine64, in a fresh WINEPREFIX (no display needed):
# the port contract suite (read-only tests, and the mutating ones on a test user of their own:
# the prefix is thrown away), aspnet-fixer.exe --version, capture --out (the file must load with
# the default build's fixup-sim show), Ctrl-C caught (a console event the .exe raises in itself),
# and diagnose (exit 0 or 3 and a report, never a crash); a capture's reproduction diagnosed as the machine.
# Needs ./scripts/build-windows.sh (build-windows-x64/) and the default build (build/).
# Only the x86_64 executables run here: wine64 has no 32-bit side on this machine. The prefix is
# set to Windows XP x64 (the Version value winxp64 under HKCU\Software\Wine), the system the tool is for.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --windows
bin=build-windows-x64/bin
sim=build/bin/fixup-sim
for f in "$bin/aspnet-fixer.exe" "$bin/port_contract_tests.exe" "$sim"; do
  [[ -x "$f" || -f "$f" ]] || { echo "test-windows: $f missing (run ./scripts/build-windows.sh and the default build)" >&2; exit 2; }
done

WINEPREFIX=$(mktemp -d)
work=$(mktemp -d)
export WINEPREFIX WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wine=/usr/lib/wine/wine64  # where Debian's wine64 package puts the loader
trap '/usr/lib/wine/wineserver -k >/dev/null 2>&1 || true; rm -rf "$WINEPREFIX" "$work"' EXIT
$wine wineboot --init >/dev/null 2>&1 || true
$wine reg add 'HKCU\Software\Wine' /v Version /d winxp64 /f >/dev/null 2>&1

echo "-- port_contract_tests.exe (divergences print as [ DIVERGES ])"
set +e
FXSIM_CONTRACT_MUTATING=1 $wine "$bin/port_contract_tests.exe" 2>&1 | tr -d '\r' >"$work/contract.txt"
code=${PIPESTATUS[0]}
set -e
grep -E '^\[ *(DIVERGES|FAILED|PASSED|SKIPPED) *\]|^\[==========\] [0-9]+ tests' "$work/contract.txt" || true
# Why each skipped test was not checked (GTEST_SKIP's message, the line after "...: Skipped"), as
# Wine's conformance tests say "Tests skipped" with the reason: IIS 6.0's pools, where no metabase is.
grep -A1 -E ': Skipped$' "$work/contract.txt" | grep -vE ': Skipped$|^--$' | sed 's/^/  skipped: /' || true
if [[ $code -ne 0 ]]; then
  cat "$work/contract.txt" >&2
  echo "test-windows: the contract suite failed (exit $code)" >&2
  exit 1
fi

echo "-- aspnet-fixer.exe --version"
$wine "$bin/aspnet-fixer.exe" --version | tr -d '\r' | grep -E '^aspnet-fixer [0-9]'

echo "-- aspnet-fixer.exe capture --out"
cp "$bin/aspnet-fixer.exe" "$work/"
(cd "$work" && $wine ./aspnet-fixer.exe capture --out captured.yaml)
"$sim" show "$work/captured.yaml" | tee "$work/show.txt"
grep -q "what could not be read" "$work/show.txt"

echo "-- aspnet-fixer.exe capture --out refusals (exit 2, said of the file named, nothing replaced)"
# expect_refused FILE TEXT: capture --out FILE exits 2 saying TEXT, and FILE keeps its bytes.
expect_refused() {
  local before="" code
  [[ -f "$work/$1" ]] && before=$(md5sum <"$work/$1")
  set +e
  (cd "$work" && $wine ./aspnet-fixer.exe capture --out "$1" 2>&1 >/dev/null) | tr -d '\r' >"$work/refusal.txt"
  code=${PIPESTATUS[0]}
  set -e
  grep -qF -- "$2" "$work/refusal.txt" && [[ $code -eq 2 ]] ||
    { cat "$work/refusal.txt" >&2; echo "test-windows: capture --out $1: exit $code, expected 2 and '$2'" >&2; exit 1; }
  [[ -z "$before" || "$before" == "$(md5sum <"$work/$1")" ]] ||
    { echo "test-windows: capture --out $1 replaced it" >&2; exit 1; }
  if compgen -G "$work/$1.tmp.*" >/dev/null; then echo "test-windows: a temporary file was left" >&2; exit 1; fi
}
expect_refused nodir/c.yaml "nodir/c.yaml: cannot create a file beside it: 3: The system cannot find the path specified."
mkdir "$work/folder"
expect_refused folder "folder: cannot be written: 5: Access is denied."
echo keep >"$work/ro.yaml" && chmod 444 "$work/ro.yaml"  # Wine's read-only attribute
expect_refused ro.yaml "ro.yaml: cannot be written: 5: Access is denied."
printf 'os: windows-xp-professional\njournal:\n  - {seq: 0, step: plan, phase: begin}\n' >"$work/pending.yaml"
expect_refused pending.yaml "pending.yaml: holds a repair that did not end (it holds a journal)"
# JSON, as capture and `show --format json` write it: pretty and on one line.
printf '{\n  "os": "windows-xp-professional",\n  "journal": [\n    {"seq": 0, "step": "plan", "phase": "begin"}\n  ]\n}\n' \
  >"$work/pending.json"
expect_refused pending.json "pending.json: holds a repair that did not end (it holds a journal)"
printf '{"journal": [{"seq": 0, "step": "plan", "phase": "begin"}]}\n' >"$work/pending1.json"
expect_refused pending1.json "--machine pending1.json), or name another --out"
# A "journal" that is not the top-level key's, or an empty one, holds no repair: replaced.
printf '{"os": {"journal": [1]}, "note": "\\"journal\\": [1]", "journal": []}\n' >"$work/done.json"
(cd "$work" && $wine ./aspnet-fixer.exe capture --out done.json 2>&1 >/dev/null || true) | tr -d '\r' |
  grep -qF "did not end" && { echo "test-windows: capture --out done.json (no repair in it) was refused" >&2; exit 1; }
printf 'os: windows-xp-professional\n' >"$work/logged.yaml" && echo x >"$work/logged.yaml.log"
expect_refused logged.yaml "logged.yaml: holds a repair that did not end (logged.yaml.log is beside it"
# A device is no file (audit 10 item 9): NUL, nul, NUL.json, C:\NUL and \\.\NUL are written into,
# exit 0, as the Linux tool writes into /dev/null; no NUL.log is taken for a repair, nothing is made beside it.
for device in NUL nul NUL.json 'C:\NUL' '\\.\NUL'; do
  set +e
  (cd "$work" && $wine ./aspnet-fixer.exe capture --out "$device" >"$work/device.txt" 2>&1)
  code=$?
  set -e
  [[ $code -eq 0 ]] || { tr -d '\r' <"$work/device.txt" >&2; echo "test-windows: capture --out $device: exit $code, expected 0" >&2; exit 1; }
  if compgen -G "$work/[Nn][Uu][Ll]*" >/dev/null; then echo "test-windows: capture --out $device made a file" >&2; exit 1; fi
done
# Another verb does not read --out: said so on standard error, nothing written.
(cd "$work" && $wine ./aspnet-fixer.exe plan --out plan.yaml 2>&1 >/dev/null || true) | tr -d '\r' |
  grep -qF -- "--out ignored: only capture read it" || { echo "test-windows: plan --out not said ignored" >&2; exit 1; }
[[ ! -e "$work/plan.yaml" ]] || { echo "test-windows: plan --out wrote a file" >&2; exit 1; }

# Symbolic links that loop lead to no file: refused 1921 as the Linux tool refuses them, the links
# kept (a rename would have replaced loop1; audit 24 item 11).
ln -s loop1 "$work/loop2" && ln -s loop2 "$work/loop1"
expect_refused loop1 "loop1: cannot be written: 1921: The name of the file cannot be resolved by the system."
[[ -L "$work/loop1" && "$(readlink "$work/loop1")" == loop2 ]] || { echo "test-windows: capture --out loop1 replaced the link" >&2; exit 1; }
rm -f "$work/loop1" "$work/loop2"

echo "-- aspnet-fixer.exe: a name as typed (wmain: UTF-16, not the ANSI code page)"
# A folder with an accent is found and written into (it was "3: The system cannot find the path").
mkdir "$work/dïr"
(cd "$work" && $wine ./aspnet-fixer.exe capture --out 'dïr/cé.json' >/dev/null 2>"$work/accent.txt") ||
  { tr -d '\r' <"$work/accent.txt" >&2; echo "test-windows: capture --out dïr/cé.json failed" >&2; exit 1; }
[[ -s "$work/dïr/cé.json" ]] || { echo "test-windows: capture --out dïr/cé.json wrote no file there" >&2; exit 1; }
# A text report shows a character of a name a terminal would obey (ESC) as \xNN, as standard error
# does (audit 24 item 10: the raw byte reached the terminal).
(cd "$work" && $wine ./aspnet-fixer.exe capture --out $'no\x1bdir/x.json' 2>/dev/null || true) >"$work/notwritten.txt"
grep -qF 'Not written: no\x1bdir/x.json' "$work/notwritten.txt" && ! grep -q $'\x1b' "$work/notwritten.txt" ||
  { cat -v "$work/notwritten.txt" >&2; echo "test-windows: Not written: showed the name's ESC raw" >&2; exit 1; }

echo "-- aspnet-fixer.exe -v: the log's lines end as every line does (no \\x0d)"
$wine "$bin/aspnet-fixer.exe" diagnose -v 2>"$work/verbose.txt" >/dev/null || true
grep -q '^\[info\] diagnosis: ' "$work/verbose.txt" && ! grep -qF '\x0d' "$work/verbose.txt" ||
  { head -3 "$work/verbose.txt" >&2; echo "test-windows: diagnose -v's log is not as the Linux tool's" >&2; exit 1; }

echo "-- aspnet-fixer.exe: Ctrl-C (its test hook raises CTRL_C_EVENT with GenerateConsoleCtrlEvent)"
# in_console ARGS: the .exe with ARGS in $work under a pseudo-terminal (script(1)), where wine gives
# it a console: without one GenerateConsoleCtrlEvent fails (12) and no handler runs. Its standard
# output and error in $work/stop-out.txt and stop-err.txt, its exit code in $code.
in_console() {
  rm -f "$work/stop-code.txt"
  script -qec "cd '$work' && $wine ./aspnet-fixer.exe $* >stop-out.txt 2>stop-err.txt; echo \$? >stop-code.txt" \
    /dev/null >/dev/null 2>&1 || true
  code=$(cat "$work/stop-code.txt" 2>/dev/null || echo none)
}
# A run that changes nothing ends at once: exit 3, one line on stderr, its --out not written, no
# temporary file left; with --json the one JSON object.
in_console capture --out stopped.json --signal-before-changes 2
tr -d '\r' <"$work/stop-err.txt" | grep -qxF "aspnet-fixer capture: stopped by SIGINT (Ctrl-C) before its report: nothing was changed or written" &&
  [[ $code == 3 ]] || { cat "$work/stop-out.txt" "$work/stop-err.txt" >&2; echo "test-windows: a stopped capture exited $code" >&2; exit 1; }
if compgen -G "$work/stopped.json*" >/dev/null; then echo "test-windows: a stopped capture left a file" >&2; exit 1; fi
in_console diagnose --json --signal-before-changes 2
python3 -c 'import json, sys; j = json.load(open(sys.argv[1])); sys.exit(0 if (j["outcome"], j["exit_code"], j["command"]) == ("interrupted", 3, "diagnose") else 1)' \
  "$work/stop-out.txt" && [[ $code == 3 ]] ||
  { cat "$work/stop-out.txt" >&2; echo "test-windows: a stopped diagnose --json exited $code" >&2; exit 1; }
# While `apply --temp-password -` waits for its line nothing has changed: the stop ends it at once,
# exit 3 (Windows' default handler would end it 0xC000013A, Wine's 0, saying nothing; audit 24 item 1).
in_console apply --temp-password - --signal-at-prompt 2
tr -d '\r' <"$work/stop-err.txt" | grep -qxF "aspnet-fixer apply: stopped by SIGINT (Ctrl-C) before any change: nothing was changed" &&
  tr -d '\r' <"$work/stop-out.txt" | grep -qxF "Outcome: interrupted (exit 3)" && [[ $code == 3 ]] ||
  { cat "$work/stop-out.txt" "$work/stop-err.txt" >&2; echo "test-windows: apply stopped at its prompt exited $code" >&2; exit 1; }
in_console apply --json --temp-password - --signal-at-prompt 2
python3 -c 'import json, sys; j = json.load(open(sys.argv[1])); sys.exit(0 if (j["outcome"], j["exit_code"], j["command"]) == ("interrupted", 3, "apply") else 1)' \
  "$work/stop-out.txt" && [[ $code == 3 ]] ||
  { cat "$work/stop-out.txt" >&2; echo "test-windows: apply --json stopped at its prompt exited $code" >&2; exit 1; }
# A changing run records the stop and goes on to its next journal record (none here: this prefix
# has no ASP.NET 1.0 to repair, so it ends with its own outcome): Ctrl-C does not end the process.
in_console apply --signal-before-changes 2
if ! tr -d '\r' <"$work/stop-out.txt" | grep -qE '^Outcome: [a-z-]+ \(exit [0-4]\)$' ||
  grep -qF "was not received" "$work/stop-err.txt"; then
  cat "$work/stop-out.txt" "$work/stop-err.txt" >&2
  echo "test-windows: Ctrl-C ended a changing run (exit $code) instead of being caught" >&2
  exit 1
fi

echo "-- aspnet-fixer.exe diagnose"
set +e
$wine "$bin/aspnet-fixer.exe" diagnose | tr -d '\r' | tee "$work/diagnose.txt"
code=${PIPESTATUS[0]}
set -e
if [[ $code -ne 0 && $code -ne 3 ]]; then
  echo "test-windows: diagnose exited $code (expected 0 or 3)" >&2
  exit 1
fi
[[ -s "$work/diagnose.txt" ]] || { echo "test-windows: diagnose printed nothing" >&2; exit 1; }

echo "-- aspnet-fixer.exe capture reads machine.config as XML (UTF-16, character references, enable, a section twice)"
fw="$WINEPREFIX/drive_c/windows/Microsoft.NET/Framework/v1.0.3705"
mkdir -p "$fw/CONFIG" && touch "$fw/mscorlib.dll" "$fw/aspnet_regiis.exe"
# expect_process_model WANTED: capture's 1.0 process_model, as "userName password enable" or "error N".
expect_process_model() {
  local got
  got=$($wine "$bin/aspnet-fixer.exe" capture 2>/dev/null | tr -d '\r' | python3 -c '
import json, sys
doc = json.load(sys.stdin)
for f in doc.get("frameworks", []):
    if f["version"] == "1.0.3705":
        pm = f["process_model"]
        print(pm["userName"], pm["password"], str(pm.get("enable", True)).lower())
for u in doc["capture"]["unreadable"]:
    if u["read"] == "the ASP.NET frameworks":
        print("error", u["error"])') || true
  [[ "$got" == "$1" ]] || { echo "test-windows: machine.config read as '$got', expected '$1'" >&2; exit 1; }
}
H='<?xml version="1.0" encoding="UTF-16"?><configuration><system.web>'
T='</system.web></configuration>'
printf '%s' "$H<processModel userName=\"&#x53;YSTEM\" password=\"&#65;utoGenerate\"/>$T" |
  iconv -f UTF-8 -t UTF-16 >"$fw/CONFIG/machine.config"  # with its byte order mark
expect_process_model "SYSTEM AutoGenerate true"
printf '%s' "<configuration><x><processModel userName=\"SYSTEM\"/></x><system.web><processModel enable=\"false\"/>$T" \
  >"$fw/CONFIG/machine.config"
expect_process_model "machine AutoGenerate false"
printf '%s' "<configuration><system.web><processModel userName=\"SYSTEM\"/><processModel/>$T" >"$fw/CONFIG/machine.config"
expect_process_model "error 13"

echo "-- a capture of this machine gives its reproduction the machine's verdict (a read that failed, 1.0 on XP x64)"
fixer=build/bin/aspnet-fixer
# same_verdict NAME: the .exe's diagnose and the default build's on the .exe's capture NAME exit alike.
same_verdict() {
  local machine reproduction
  (cd "$work" && $wine ./aspnet-fixer.exe capture --out "$1" >/dev/null)
  set +e
  (cd "$work" && $wine ./aspnet-fixer.exe diagnose >/dev/null 2>&1); machine=$?
  "$fixer" diagnose --machine "$work/$1" >"$work/reproduction.txt" 2>&1; reproduction=$?
  set -e
  [[ $machine == "$reproduction" ]] ||
    { cat "$work/reproduction.txt" >&2; echo "test-windows: diagnose exits $machine, its capture $1's $reproduction" >&2; exit 1; }
}
same_verdict k1.json  # machine.config refused (13): 1 on both
printf '%s' "<configuration><system.web><processModel userName=\"machine\" password=\"AutoGenerate\"/>$T" \
  >"$fw/CONFIG/machine.config"
same_verdict f1.json  # ASP.NET 1.0 on winxp64, read as installed: the capture loads with it
"$sim" show "$work/f1.json" >/dev/null
python3 -c 'import json, sys; sys.exit(0 if "machine_sid" in json.load(open(sys.argv[1])) else 1)' "$work/f1.json" ||
  { echo "test-windows: the capture wrote no machine_sid (no account read answers under Wine)" >&2; exit 1; }
echo "-- aspnet-fixer.exe on a console: a name with an umlaut shown as written (WriteConsoleW)"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<configuration><system.web><processModel enable="true" userName="J\xc3\xbcrgen" password="x"/></system.web></configuration>\n' \
  >"$fw/CONFIG/machine.config"
rm -f "$work/console.txt"
LC_ALL=C.UTF-8 script -qec "$wine '$bin/aspnet-fixer.exe' diagnose" "$work/console.txt" >/dev/null 2>&1 || true
sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g' "$work/console.txt" >"$work/console-text.txt"  # the console's cursor codes out
grep -aqF 'Jürgen' "$work/console-text.txt" && ! grep -aqF 'JÃ¼rgen' "$work/console-text.txt" ||
  { grep -ao 'J[^ ]*rgen' "$work/console-text.txt" >&2; echo "test-windows: the console showed the name's UTF-8 bytes as other characters" >&2; exit 1; }
# Redirected, the report keeps its UTF-8 bytes, as the Linux tool writes them.
$wine "$bin/aspnet-fixer.exe" diagnose 2>/dev/null | grep -aqF 'Jürgen' ||
  { echo "test-windows: diagnose's report to a pipe lost the name's UTF-8" >&2; exit 1; }
echo "test-windows: ok (diagnose exit $code)"
