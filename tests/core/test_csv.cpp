// RFC 4180 reading (line numbers, quoting, BOM, CRLF, UTF-8) and writing (quoting, formula guard).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/csv.h"

using namespace longstop::core;
using Fields = std::vector<std::string>;

TEST_CASE("plain rows and their lines") {
  Result<std::vector<CsvRow>> rows = parseCsv("a,b,c\n1,2,3\n");
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 2);
  CHECK((*rows)[0].fields == Fields{"a", "b", "c"});
  CHECK((*rows)[0].line == 1);
  CHECK((*rows)[1].fields == Fields{"1", "2", "3"});
  CHECK((*rows)[1].line == 2);
}

TEST_CASE("CRLF, LF and a missing final newline read the same") {
  for (const char* text : {"a,b\r\nc,d\r\n", "a,b\nc,d\n", "a,b\r\nc,d", "a,b\nc,d"}) {
    Result<std::vector<CsvRow>> rows = parseCsv(text);
    INFO(text);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 2);
    CHECK((*rows)[0].fields == Fields{"a", "b"});
    CHECK((*rows)[1].fields == Fields{"c", "d"});
    CHECK((*rows)[1].line == 2);
  }
}

TEST_CASE("empty fields are kept") {
  Result<std::vector<CsvRow>> rows = parseCsv(",a,,\n");
  REQUIRE(rows.ok());
  CHECK(rows->at(0).fields == Fields{"", "a", "", ""});
}

TEST_CASE("quoted fields hold commas, quotes and newlines, and later lines stay right") {
  const std::string text =
      "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,\"crlf\r\ninside\"\r\n5,x\n";
  Result<std::vector<CsvRow>> rows = parseCsv(text);
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 6);
  CHECK(rows->at(1).fields[1] == "a, b");
  CHECK(rows->at(2).fields[1] == "say \"hi\"");
  CHECK(rows->at(3).fields[1] == "two\nlines");
  CHECK(rows->at(3).line == 4);
  CHECK(rows->at(4).fields[1] == "crlf\r\ninside");
  CHECK(rows->at(4).line == 6);
  CHECK(rows->at(5).line == 8);
  CHECK(rows->at(5).fields == Fields{"5", "x"});
}

TEST_CASE("blank lines are skipped but counted") {
  Result<std::vector<CsvRow>> rows = parseCsv("\na\n\r\n\nb\n\n");
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 2);
  CHECK(rows->at(0).line == 2);
  CHECK(rows->at(1).line == 5);
  CHECK(parseCsv("")->empty());
  // A quoted empty field is a row, not a blank line.
  Result<std::vector<CsvRow>> quoted = parseCsv("\"\"\n");
  REQUIRE(quoted.ok());
  CHECK(quoted->size() == 1);
}

TEST_CASE("a UTF-8 byte order mark is dropped") {
  Result<std::vector<CsvRow>> rows = parseCsv("\xEF\xBB\xBFname,x\r\nZoë,1\r\n");
  REQUIRE(rows.ok());
  CHECK(rows->at(0).fields[0] == "name");
  CHECK(rows->at(1).fields[0] == "Zoë");
  CHECK(rows->at(1).line == 2);
}

TEST_CASE("UTF-8 names pass through unchanged") {
  Result<std::vector<CsvRow>> rows = parseCsv("O'Brien,Zoë,Łukasz,\"Ó Briain\",王\n");
  REQUIRE(rows.ok());
  CHECK(rows->at(0).fields == Fields{"O'Brien", "Zoë", "Łukasz", "Ó Briain", "王"});
}

TEST_CASE("malformed CSV names the line") {
  struct Case {
    std::string text;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"a,b\nc,\"open\n\nmore", "line 2: a quoted field is not closed"},
      {"a\nb\n\"x\"y\n", "line 3: there is text after the closing quote"},
      {"a\nb\"c\n", "line 2: a field has a quote mark inside it"},
      {"a\r\nb\rc\n", "line 2: a carriage return"},
      {"a\n\"x\ny\",\"p\nq\"z\n", "line 4: there is text after the closing quote"},
      {"a\nb\nZo\xC3\n", "line 3: the text is not valid UTF-8"},
      {"a\n\xFF\n", "line 2: the text is not valid UTF-8"},
      {"\xC0\xAF\n", "line 1: the text is not valid UTF-8"},            // overlong '/'
      {"x\ny\n\xED\xA0\x80\n", "line 3: the text is not valid UTF-8"},  // a UTF-16 surrogate
      {"\xF4\x90\x80\x80", "line 1: the text is not valid UTF-8"},      // above U+10FFFF
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Result<std::vector<CsvRow>> rows = parseCsv(c.text);
    REQUIRE_FALSE(rows.ok());
    CHECK(rows.error().code == ErrorCode::kInvalidInput);
    CHECK_THAT(rows.error().message, Catch::StartsWith(c.expected));
  }
}

TEST_CASE("csvField quotes only when needed") {
  CHECK(csvField("plain") == "plain");
  CHECK(csvField("") == "");
  CHECK(csvField("a,b") == "\"a,b\"");
  CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csvField("two\nlines") == "\"two\nlines\"");
  CHECK(csvField("cr\rhere") == "\"cr\rhere\"");
  CHECK(csvField("O'Brien") == "O'Brien");
  CHECK(csvField("Zoë") == "Zoë");
}

TEST_CASE("csvField neutralises spreadsheet formulas") {
  CHECK(csvField("=SUM(A1:A9)") == "'=SUM(A1:A9)");
  CHECK(csvField("+44 113") == "'+44 113");
  CHECK(csvField("-1") == "'-1");
  CHECK(csvField("@cmd") == "'@cmd");
  CHECK(csvField("\tx") == "'\tx");
  CHECK(csvField("\rx") == "\"'\rx\"");
  CHECK(csvField("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  CHECK(csvField("a=b") == "a=b");
  CHECK(csvField("Smith-Jones") == "Smith-Jones");
}

TEST_CASE("csvLine writes a row that reads back the same") {
  const Fields fields = {"A1001", "Smith, Ann", "say \"hi\"", "two\nlines", "", "Zoë"};
  const std::string line = csvLine(fields);
  CHECK(line.size() >= 2);
  CHECK(line.substr(line.size() - 2) == "\r\n");
  Result<std::vector<CsvRow>> rows = parseCsv(line + csvLine({"x", "y"}));
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 2);
  CHECK(rows->at(0).fields == fields);
  CHECK(rows->at(1).line == 3);  // the embedded newline counts
  CHECK(csvLine({"a", "b"}) == "a,b\r\n");
}

TEST_CASE("a field starting with U+FEFF survives at the start of a file") {
  const Fields fields = {"\xEF\xBB\xBFme", "x"};
  Result<std::vector<CsvRow>> rows = parseCsv(csvLine(fields));
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  CHECK(rows->at(0).fields == fields);
}

TEST_CASE("a single empty field is not written as a blank line") {
  Result<std::vector<CsvRow>> rows = parseCsv(csvLine({""}));
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 1);
  CHECK(rows->at(0).fields == Fields{""});
}
