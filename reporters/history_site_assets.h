#pragma once
// The files the dashboard is made of besides its data, embedded at build time from
// reporters/site/ and Debian's Chart.js (reporters/CMakeLists.txt, site/embed_text.cmake).
#include <string>

namespace benchgate::report {

std::string site_chart_js();       // Chart.js, with its license header
std::string site_dashboard_js();   // reporters/site/dashboard.js
std::string site_dashboard_css();  // reporters/site/dashboard.css

}  // namespace benchgate::report
