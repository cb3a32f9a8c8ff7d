#pragma once
namespace byline {
inline constexpr const char* kBylineVersion = "0.1.0";
}  // namespace byline
