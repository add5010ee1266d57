// The frame every HTML report shares (report_html.h): the page with its inline stylesheet.
#pragma once

#include <string>

namespace sim::html {

// <!DOCTYPE html> ... <title>title</title> <style>...</style> ... body ... ; `title` is escaped,
// `body` is inserted as it is (already escaped markup).
std::string Page(const std::string& title, const std::string& body);

}  // namespace sim::html
