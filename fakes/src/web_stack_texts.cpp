// The pages and event log entries of the web stack model, with where each text comes from.
// Where no source gave the text, the choice is marked [M] (general knowledge, unconfirmed).
#include "fakes/modelling_choices.h"
#include "fixer/text.h"
#include "web_stack_detail.h"

namespace fakes {

// KB 811320 (docs/windows-reference.md#symptom): the ASP.NET 1.x process-model error page, word for word,
// including the two spaces after "unavailable.".
std::string ServerApplicationUnavailablePage() {
  return "Server Application Unavailable\n"
         "\n"
         "The web application you are attempting to access on this web server is currently "
         "unavailable.  Please hit the \"Refresh\" button in your web browser to retry your "
         "request.\n"
         "\n"
         "Administrator Note: An error message detailing the cause of this specific request "
         "failure can be found in the system event log of the web server. Please review this "
         "log entry to discover what caused this error to occur.\n";
}

// [M] HTTP.sys on IIS 6 answers a request whose application pool cannot start a worker with
// a bare "Service Unavailable".
std::string ServiceUnavailablePage() { return "Service Unavailable\n"; }

// [M] IIS 5.x / 6 "HTTP 404 - File not found" page, shortened to its visible text.
std::string PageNotFoundPage() {
  return "The page cannot be found\n"
         "\n"
         "The page you are looking for might have been removed, had its name changed, or is "
         "temporarily unavailable.\n"
         "\n"
         "HTTP 404 - File not found\n"
         "Internet Information Services\n";
}

// [M] The ASP.NET 1.x HttpException when the state server cannot be reached.
std::string SessionStateServerErrorPage(const std::string& application) {
  return fixer::Text(
      FMT_COMPILE("Server Error in '{}' Application.\n"
                  "\n"
                  "Unable to make the session state request to the session state server. Please ensure "
                  "that the ASP.NET State service is started and that the client and server ports are the "
                  "same.\n"),
      application);
}

// [M] The ASP.NET 1.x HttpException when SQLServer mode finds no session database: System.Web's
// resource Cant_connect_sql_session_database (Microsoft's .NET reference source, System.Web SR).
std::string SqlSessionStateErrorPage(const std::string& application) {
  return fixer::Text(FMT_COMPILE("Server Error in '{}' Application.\n"
                                 "\n"
                                 "Unable to connect to SQL Server session database.\n"),
                     application);
}

namespace detail {

std::string HResultText(uint32_t win32_error) {
  // HRESULT_FROM_WIN32: severity bit, FACILITY_WIN32 (7), the code in the low word.
  return fixer::Text(FMT_COMPILE("{:08X}"), 0x80070000u | (win32_error & 0xFFFFu));
}

// Event sources are versioned: "ASP.NET 1.0.3705.0" [M, docs/windows-reference.md#symptom].
static std::string AspNetSource(const std::string& framework_version) {
  return fixer::Text(FMT_COMPILE("ASP.NET {}.0"), framework_version);
}

// 1.0: "aspnet_wp.exe could not be started. HRESULT for the failure: 80070005" (KB 811320).
// 1.1 printed a longer text (the 2.0 message table keeps it as event 1084, "The error code
// for the failure is %1. ..."); we use it for 1.1 and later. Event id 1084 for both [M].
// The exact entry of the MS03-032 case was never published (docs/windows-reference.md#choice-event-text): we log
// "could not be started" with 80070005, and append the simulator's cause on its own line.
fixer::EventRecord AspNetWpStartFailedEvent(const std::string& framework_version, uint32_t win32_error,
                                            const std::string& cause) {
  fakes::RelyOn("choice-event-text");
  const std::string hresult = HResultText(win32_error);
  return {.log = "Application",
          .source = AspNetSource(framework_version),
          .id = 1084,
          .type = fixer::EventType::kError,
          .text = framework_version.rfind("1.0", 0) == 0
                      ? fixer::Text(FMT_COMPILE("aspnet_wp.exe could not be started. HRESULT for the failure: {}\n"
                                                "Cause: {}"),
                                    hresult, cause)
                      : fixer::Text(FMT_COMPILE("aspnet_wp.exe could not be started. The error code for the failure "
                                                "is {}. This error can be caused when the worker process account has "
                                                "insufficient rights to read the .NET Framework files. Please ensure "
                                                "that the .NET Framework is correctly installed and that the ACLs on "
                                                "the installation directory allow access to the configured account."
                                                "\nCause: {}"),
                                    hresult, cause),
          .time = 0};
}

// [M] The 1.x text for a processModel account that cannot log on (event 1007 in the 2.0
// message table, docs/windows-reference.md#symptom).
fixer::EventRecord AspNetWpBadCredentialsEvent(const std::string& framework_version, const std::string& cause) {
  return {.log = "Application",
          .source = AspNetSource(framework_version),
          .id = 1007,
          .type = fixer::EventType::kError,
          .text =
              "aspnet_wp.exe could not be launched because the username and/or password "
              "supplied in the processModel section of the config file are invalid.\n"
              "Cause: " +
              cause,
          .time = 0};
}

// [M] W3SVC event 1009 (System log) when a worker of an application pool dies.
fixer::EventRecord W3wpTerminatedEvent(const std::string& pool, uint32_t pid, uint32_t win32_error,
                                       const std::string& cause) {
  return {.log = "System",
          .source = "W3SVC",
          .id = 1009,
          .type = fixer::EventType::kWarning,
          .text = fixer::Text(FMT_COMPILE("A process serving application pool '{}' terminated "
                                          "unexpectedly. The process id was '{}'. The process exit code "
                                          "was '0x{}'.\nCause: {}"),
                              pool, pid, HResultText(win32_error), cause),
          .time = 0};
}

// [M] W3SVC event 1021 (System log) when the pool's identity cannot log on.
fixer::EventRecord AppPoolIdentityInvalidEvent(const std::string& pool, const std::string& cause) {
  return {.log = "System",
          .source = "W3SVC",
          .id = 1021,
          .type = fixer::EventType::kWarning,
          .text = fixer::Text(FMT_COMPILE("The identity of application pool, '{}' is invalid. If it "
                                          "remains invalid when the first request for the application "
                                          "pool is processed, the application pool will be disabled. The "
                                          "data field contains the error number.\nCause: {}"),
                              pool, cause),
          .time = 0};
}

// [M] What IIS answers when the script map names an aspnet_isapi.dll that is not there.
std::string ModuleNotFoundPage() {
  return "HTTP 500 - Internal server error\n"
         "Internet Information Services\n"
         "\n"
         "The specified module could not be found.\n";
}

// [M] Cassini hosts ASP.NET in its own process and shows ASP.NET's error page.
std::string CassiniServerErrorPage(const std::string& application, const std::string& cause) {
  return fixer::Text(FMT_COMPILE("Server Error in '{}' Application.\n\n{}\n"), application, cause);
}

std::string CassiniNotFoundPage(const std::string& application) {
  return fixer::Text(FMT_COMPILE("Server Error in '{}' Application.\n\nThe resource cannot be found.\n"), application);
}

std::string ServedPage(const std::string& application, const std::string& host, const std::string& identity) {
  return fixer::Text(FMT_COMPILE("{} served by {} as {}\n"), application, host, identity);
}

}  // namespace detail
}  // namespace fakes
