#include "exporter/json_writer.h"

#include "core/utf8.h"

namespace longstop::exporter {

void JsonWriter::startItem() {
  if (afterKey_) {
    afterKey_ = false;
    return;
  }
  if (hasItems_.empty()) return;
  out_ += hasItems_.back() ? ",\n" : "\n";
  hasItems_.back() = true;
  out_.append(hasItems_.size(), ' ');
}

void JsonWriter::open(char bracket) {
  startItem();
  out_ += bracket;
  hasItems_.push_back(false);
}

void JsonWriter::close(char bracket) {
  const bool any = !hasItems_.empty() && hasItems_.back();
  if (!hasItems_.empty()) hasItems_.pop_back();
  if (any) {
    out_ += '\n';
    out_.append(hasItems_.size(), ' ');
  }
  out_ += bracket;
}

JsonWriter& JsonWriter::beginObject() {
  open('{');
  return *this;
}

JsonWriter& JsonWriter::endObject() {
  close('}');
  return *this;
}

JsonWriter& JsonWriter::beginArray() {
  open('[');
  return *this;
}

JsonWriter& JsonWriter::endArray() {
  close(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  startItem();
  appendJsonString(out_, name);
  out_ += ": ";
  afterKey_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  startItem();
  appendJsonString(out_, text);
  return *this;
}

void appendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t plainFrom = 0;  // the start of bytes still to copy as they are
  for (size_t pos = 0; pos < text.size();) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++pos;
      continue;
    }
    if (c >= 0x80) {
      const size_t at = pos;
      if (core::nextCodePoint(text, pos) >= 0) continue;
      out.append(text.substr(plainFrom, at - plainFrom));
      out += "\xEF\xBF\xBD";
      plainFrom = pos;
      continue;
    }
    out.append(text.substr(plainFrom, pos - plainFrom));
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    }
    plainFrom = ++pos;
  }
  out.append(text.substr(plainFrom));
  out += '"';
}

}  // namespace longstop::exporter
