#include "text_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace sim {

std::optional<std::string> ReadTextFile(const std::string& path, std::string& text) {
  text.clear();
  // An ifstream opens a folder and reads it as an empty file.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return std::string(std::strerror(EISDIR));
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::string(std::strerror(errno != 0 ? errno : ENOENT));
  std::stringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::string(std::strerror(errno != 0 ? errno : EIO));
  text = content.str();
  return std::nullopt;
}

}  // namespace sim
