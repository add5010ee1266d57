// The request step: a page asked as a browser on the machine would (fakes/web_stack.h).
#include "fakes/web_stack.h"
#include "fixer/quoted_value.h"
#include "sim/vocabulary.h"

namespace sim {

namespace {

LastResponse RequestPage(fakes::Machine& machine, const std::string& app) {
  fakes::RequestExplanation r = fakes::WebStack(machine).Request(app);
  LastResponse out;
  out.app = app;
  if (!r.listening) {
    out.status = 0;  // nothing accepted the connection
    out.page = r.connect_error.ToString();
  } else {
    out.status = r.response.status;
    out.page = r.response.body;
  }
  // The cause may name the application: a long path is cut there as everywhere a step line names it.
  std::string cause = r.Cause();
  if (app.size() > fixer::kQuotedValueBytes)
    for (size_t at = cause.find(app); at != std::string::npos; at = cause.find(app, at + 1))
      cause.replace(at, app.size(), fixer::CappedValue(app));
  out.explanation = std::string(ToString(r.host)) +
                    (r.identity.empty() ? "" : " as " + fixer::CappedValue(r.identity)) +
                    (cause.empty() ? "" : ": " + cause);
  return out;
}

StepReport Request(RunContext& ctx, const Step& step) {
  const std::string app = RequiredArg(step, "app");
  ctx.response = RequestPage(ctx.machine, app);
  return {true, "",
          "GET " + fixer::CappedValue(app) + " -> " + std::to_string(ctx.response->status) + " (" +
              ctx.response->explanation + ")",
          ""};
}

}  // namespace

std::vector<Word> WebStepWords() {
  return {
      {.name = "request",
       .scalar_arg = "app",
       .params = {{.name = "app", .required = true}},
       .doc = "requests a page of a local application (metabase path); sets the *last response*",
       .run = Request},
  };
}

}  // namespace sim
