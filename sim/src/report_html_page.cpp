// The shared frame of the HTML reports: escaping, the page and its stylesheet, the atomic write.
#include "fakes/atomic_file.h"
#include "fixer/utf8.h"
#include "report_html_detail.h"
#include "sim/report_html.h"

namespace sim {
namespace {

// Inline, so the file stands alone; print rules keep tables whole and drop the colour fills.
constexpr const char* kStyle = R"css(
:root { --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; --line: #d0d7de; --soft: #f6f8fa; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2328;
       margin: 0 auto; padding: 24px 32px; max-width: 1240px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 6px; }
h3 { font-size: 14px; margin: 12px 0 4px; }
.meta { color: #59636e; margin: 0 0 16px; }
code, pre, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px;
      white-space: pre-wrap; word-break: break-word; margin: 4px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; table-layout: auto; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
td.mono, td div.mono, td.path, td.before, td.after { overflow-wrap: anywhere; }
th.narrow, td.narrow { white-space: nowrap; width: 1%; }
th { background: var(--soft); font-weight: 600; }
.badge { display: inline-block; min-width: 44px; text-align: center; border-radius: 10px; padding: 0 8px;
         font-weight: 600; font-size: 12px; color: #fff; }
.badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); }
tr.fail td, tr.differs td { background: #ffebe9; }
tr.differs td.ok { background: #dafbe1; }
td.ok { color: var(--pass); } td.bad { color: var(--fail); font-weight: 600; } td.stopped { color: #59636e; }
.totals { font-size: 15px; margin: 8px 0 16px; }
.totals .pass { color: var(--pass); font-weight: 600; } .totals .fail { color: var(--fail); font-weight: 600; }
section.scenario { border: 1px solid var(--line); border-left: 6px solid var(--pass); border-radius: 6px;
                   padding: 8px 16px; margin: 16px 0; break-inside: avoid-page; }
section.scenario.fail { border-left-color: var(--fail); }
section.scenario h2 { margin-top: 4px; }
ol.timeline { list-style: none; padding: 0; margin: 0; }
ol.timeline > li { border-left: 2px solid var(--line); padding: 2px 0 6px 14px; position: relative; }
ol.timeline > li::before { content: ""; position: absolute; left: -6px; top: 8px; width: 10px; height: 10px;
                           border-radius: 50%; background: var(--pass); }
ol.timeline > li.fail::before { background: var(--fail); }
.step-title { font-weight: 600; } .step-line { color: #59636e; font-size: 12px; }
ul.checks { list-style: none; padding: 0; margin: 2px 0; }
ul.checks li.pass::before { content: "\2713  "; color: var(--pass); }
ul.checks li.fail { color: var(--fail); } ul.checks li.fail::before { content: "\2717  "; }
td.kind { width: 22px; text-align: center; font-weight: 700; }
tr.added td.kind { color: var(--pass); } tr.removed td.kind { color: var(--fail); }
tr.changed td.kind { color: var(--warn); }
td.path { width: 38%; }
#comparison td { width: 44%; } td.before, td.after { width: 30%; }
details > summary { cursor: pointer; color: #59636e; }
a { color: #0969da; text-decoration: none; }
@media print {
  body { padding: 0; max-width: none; font-size: 11px; }
  details { display: block; } details > summary { display: none; }
  section.scenario, table, tr { break-inside: avoid; }
  a { color: inherit; }
}
)css";

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // The page is UTF-8 without control characters: a Latin-1 file name's byte, or an ESC a batch
  // file printed, as \xNN.
  for (char c : fixer::EscapeForReader(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

fixer::Status WriteHtml(const std::string& path, const std::string& html) {
  return fakes::WriteFileAtomicallySaying(path, html);
}

namespace html {

std::string Page(const std::string& title, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         EscapeHtml(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
}

}  // namespace html
}  // namespace sim
