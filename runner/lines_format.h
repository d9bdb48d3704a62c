#pragma once
// The generic format for any other benchmark tool: plain text, one result per line, either a bare
// number (a sample of one benchmark) or CSV `name,value[,unit]` (a sample of benchmark `name`).
// `value` is a time in `unit` (ns, us, ms or s; ns when left out). Every line is one repetition
// of its benchmark in the one process the text comes from. Blank lines and lines starting with
// `#` are skipped.
//
// `benchgate run` reads a `format = "lines"` suite's stdout this way; `compare` reads such files,
// where bare numbers belong to the benchmark named after the file (its name without extension).
#include "runner/result_format.h"

namespace benchgate::runner {

// The record of `text`; bare numbers are samples of `default_name`. Throws InputError
// "line N: ..." naming the field of the first line it cannot read.
RunRecord read_result_lines(std::string_view text, const std::string& source,
                            const std::string& default_name);

class LinesFormat final : public TextResultFormat {
 public:
  std::string_view name() const override { return "lines"; }
  // Its first line that is not blank or a comment reads as a result line.
  bool recognises_text(std::string_view text) const override;
  RunRecord read_non_json(std::string_view text, const std::string& source) const override;
};

}  // namespace benchgate::runner
