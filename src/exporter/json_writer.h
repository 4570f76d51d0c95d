// JSON text written straight into a string, without building a tree first, laid out as nlohmann's
// dump(1) lays it out (one space of indent a level, `"key": value`), so a batch's Bundle keeps its bytes.
// A Bundle of 10,000 check-ins was 30 % of an export's time as a tree (docs/performance.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace longstop::exporter {

/// Writes one JSON value (objects, arrays and strings: all a Bundle holds) to the end of a string.
/// Calls must nest as JSON does (every begin has its end, a key only inside an object and before its
/// value); the writer does not check it.
class JsonWriter {
 public:
  /// Appends to `out`, which must outlive the writer.
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& beginObject();
  JsonWriter& endObject();
  JsonWriter& beginArray();
  JsonWriter& endArray();
  /// The name of the object member whose value comes next.
  JsonWriter& key(std::string_view name);
  /// A string value; bytes that are not UTF-8 are written as U+FFFD.
  JsonWriter& string(std::string_view text);
  /// key(name), then string(text).
  JsonWriter& field(std::string_view name, std::string_view text) { return key(name).string(text); }

 private:
  void startItem();
  void open(char bracket);
  void close(char bracket);

  std::string& out_;
  std::vector<bool> hasItems_;  // one per open object or array: whether it has a member yet
  bool afterKey_ = false;       // the next value is a member's, already placed by key()
};

/// Appends `text` as a quoted JSON string: `"`, `\` and control characters escaped, UTF-8 kept as it is,
/// each byte that is not UTF-8 replaced by U+FFFD.
void appendJsonString(std::string& out, std::string_view text);

}  // namespace longstop::exporter
