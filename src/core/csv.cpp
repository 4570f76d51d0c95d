// RFC 4180 CSV reading and writing, with the line each row starts on for error messages.
#include "core/csv.h"

#include <cstdint>

#include "core/utf8.h"

namespace longstop::core {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

Error errorAt(int line, std::string_view what) {
  return invalidInput("line " + std::to_string(line) + ": " + std::string(what));
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}
  Result<std::vector<CsvRow>> readAll();

 private:
  Status readRow(CsvRow& row);
  Status readQuoted(std::string& field);
  // True at the end of a line (LF, CRLF or the end of the text); consumes it.
  bool atLineEnd();

  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
};

bool Reader::atLineEnd() {
  if (pos_ >= text_.size()) return true;
  if (text_[pos_] == '\n') {
    ++pos_;
    ++line_;
    return true;
  }
  if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
    pos_ += 2;
    ++line_;
    return true;
  }
  return false;
}

Status Reader::readQuoted(std::string& field) {
  const int opened = line_;
  ++pos_;  // the opening quote
  while (pos_ < text_.size()) {
    const char c = text_[pos_++];
    if (c == '\n') ++line_;
    if (c != '"') {
      field += c;
    } else if (pos_ < text_.size() && text_[pos_] == '"') {
      field += '"';
      ++pos_;
    } else {
      return okStatus();
    }
  }
  return errorAt(opened, "a quoted field is not closed");
}

Status Reader::readRow(CsvRow& row) {
  row.line = line_;
  row.fields.emplace_back();
  while (!atLineEnd()) {
    const char c = text_[pos_];
    std::string& field = row.fields.back();
    if (c == ',') {
      row.fields.emplace_back();
      ++pos_;
    } else if (c == '"' && field.empty()) {
      if (Status s = readQuoted(field); !s) return s;
      if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        return errorAt(line_, "there is text after the closing quote of a field");
      }
    } else if (c == '"') {
      return errorAt(line_, "a field has a quote mark inside it but does not start with one");
    } else if (c == '\r') {
      return errorAt(line_, "a carriage return is not followed by a line feed");
    } else {
      field += c;
      ++pos_;
    }
  }
  return okStatus();
}

Result<std::vector<CsvRow>> Reader::readAll() {
  if (text_.starts_with(kBom)) pos_ = kBom.size();
  if (const int bad = firstInvalidUtf8Line(text_.substr(pos_)); bad > 0) {
    return errorAt(bad, "the text is not valid UTF-8; please save the file as UTF-8");
  }
  std::vector<CsvRow> rows;
  while (pos_ < text_.size()) {
    const size_t start = pos_;
    CsvRow row;
    if (Status s = readRow(row); !s) return s.error();
    const bool blankLine = row.fields.size() == 1 && row.fields[0].empty() && text_[start] != '"';
    if (!blankLine) rows.push_back(std::move(row));
  }
  return rows;
}

bool needsNeutralising(std::string_view v) {
  if (v.empty()) return false;
  const char c = v.front();
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

Result<std::vector<CsvRow>> parseCsv(std::string_view text) {
  return Reader(text).readAll();
}

std::string csvField(std::string_view value) {
  std::string v = needsNeutralising(value) ? "'" + std::string(value) : std::string(value);
  // A leading U+FEFF is quoted too: at the start of a file a reader would take it for a byte order mark.
  const bool quote = v.find_first_of(",\"\r\n") != std::string::npos || v.starts_with(kBom);
  if (!quote) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A line of one empty field is written as "" so that a reader does not take it for a blank line.
std::string csvLine(const std::vector<std::string>& fields) {
  if (fields.size() == 1 && fields[0].empty()) return "\"\"\r\n";
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csvField(fields[i]);
  }
  return out + "\r\n";
}

}  // namespace longstop::core
