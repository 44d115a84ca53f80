// Delimited text: encodings bodies really send, RFC 4180 quoting, and files built to hurt.
#include <gtest/gtest.h>
#include <iconv.h>

#include "imports/table.h"
#include "import_fixtures.h"

namespace wagelink::imports {
namespace {
using testing::ToGbk;

const std::string kRoster = "姓名,身份证号码,欠薪金额（元）\r\n张三,110101199003077777,\"21,300.50\"\r\n李四,,8000\r\n";

TEST(CsvReader, ReadsUtf8WithAndWithoutBom) {
  for (const std::string& bytes : {kRoster, "\xEF\xBB\xBF" + kRoster}) {
    auto table = ReadTable(bytes);
    ASSERT_TRUE(table) << table.error().message_en;
    EXPECT_EQ(table->format, "csv");
    EXPECT_EQ(table->header, (std::vector<std::string>{"姓名", "身份证号码", "欠薪金额（元）"}));
    ASSERT_EQ(table->rows.size(), 2u);
    EXPECT_EQ(table->rows[0].line, 2u);
    EXPECT_EQ(table->rows[0].cells[2], "21,300.50");
    EXPECT_EQ(table->rows[1].cells[1], "");
  }
  EXPECT_EQ(ReadTable(kRoster)->encoding, "utf-8");
  EXPECT_EQ(ReadTable("\xEF\xBB\xBF" + kRoster)->encoding, "utf-8-bom");
}

TEST(CsvReader, ConvertsGbkFromChineseExcel) {
  std::string gbk = ToGbk(kRoster);
  ASSERT_NE(gbk, kRoster);
  ASSERT_FALSE(IsValidUtf8(gbk));
  auto table = ReadTable(gbk);
  ASSERT_TRUE(table) << table.error().message_en;
  EXPECT_EQ(table->encoding, "gb18030");
  EXPECT_EQ(table->header[0], "姓名");
  EXPECT_EQ(table->rows[1].cells[0], "李四");
}

TEST(CsvReader, ConvertsUtf16WithBom) {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("name,owed\nA,1\n")) utf16 += std::string{c, '\0'};
  auto table = ReadTable(utf16);
  ASSERT_TRUE(table) << table.error().message_en;
  EXPECT_EQ(table->encoding, "utf-16le");
  EXPECT_EQ(table->rows[0].cells[1], "1");
}

TEST(CsvReader, QuotingEmbeddedNewlinesTabsAndBlankRows) {
  auto table = ReadTable("a\tb\n\"x\"\"y\"\t\"line1\nline2\"\n\n\t\n1\t2");
  ASSERT_TRUE(table) << table.error().message_en;
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0].cells[0], "x\"y");
  EXPECT_EQ(table->rows[0].cells[1], "line1\nline2");
  EXPECT_EQ(table->rows[1].line, 5u);  // record numbers: a quoted newline does not start a record
  EXPECT_EQ(ReadTable("a;b;c\n1;2;3\n")->rows[0].cells.size(), 3u);
}

TEST(CsvReader, RefusesWhatItCannotReadSafely) {
  auto field_is_file = [](const auto& result, ErrorCode code) {
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, code);
    EXPECT_EQ(result.error().field, "file");
    EXPECT_FALSE(result.error().message_zh.empty());
    EXPECT_FALSE(result.error().message_en.empty());
  };
  field_is_file(ReadTable(""), ErrorCode::kValidationFailed);
  field_is_file(ReadTable("a,b\n"), ErrorCode::kValidationFailed);                       // header only
  field_is_file(ReadTable("a,b\n\"open,1\n"), ErrorCode::kValidationFailed);             // unterminated quote
  field_is_file(ReadTable(std::string("a,b\n1,\0\x01", 8)), ErrorCode::kValidationFailed);  // binary
  field_is_file(ReadTable("a,b\n\xFF\xFF,1\n"), ErrorCode::kValidationFailed);           // neither UTF-8 nor GB18030
  field_is_file(ReadTable("\xEF\xBB\xBF\xC3\x28"), ErrorCode::kValidationFailed);        // BOM then bad UTF-8
  field_is_file(ReadTable("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old excel"), ErrorCode::kUnsupportedMediaType);
}

TEST(CsvReader, CapsCellsColumnsAndRows) {
  ReadLimits limits;
  limits.max_cell_bytes = 100;
  limits.max_columns = 5;
  limits.max_rows = 3;
  auto huge_cell = ReadTable("a,b\n1," + std::string(101, 'x') + "\n", limits);
  ASSERT_FALSE(huge_cell);
  EXPECT_EQ(huge_cell.error().code, ErrorCode::kPayloadTooLarge);
  EXPECT_NE(huge_cell.error().message_en.find("row 2, column B"), std::string::npos);
  auto huge_quoted = ReadTable("a,b\n1,\"" + std::string(1 << 20, 'x') + "\"\n", limits);
  EXPECT_EQ(huge_quoted.error().code, ErrorCode::kPayloadTooLarge);
  auto wide = ReadTable("a,b\n1,2,3,4,5,6\n", limits);
  EXPECT_EQ(wide.error().code, ErrorCode::kPayloadTooLarge);
  auto many = ReadTable("a\n1\n2\n3\n4\n", limits);
  EXPECT_EQ(many.error().code, ErrorCode::kPayloadTooLarge);
  EXPECT_TRUE(ReadTable("a\n1\n2\n3\n", limits));
}

TEST(CsvReader, SurvivesArbitraryBytes) {
  // Fuzz-ish: random bytes must give a table or a clear refusal, never a crash or a hang.
  std::uint32_t seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    std::size_t length = seed % 200;
    for (std::size_t i = 0; i < length; ++i) {
      seed = seed * 1664525u + 1013904223u;
      const char alphabet[] = {',', '"', '\n', '\r', 'a', '\t', '\xE4', '\xB8', '\xAD', '\xFF', '1', ';'};
      bytes += alphabet[(seed >> 16) % sizeof alphabet];
    }
    auto table = ReadTable(bytes);
    if (!table) {
      EXPECT_FALSE(table.error().message_zh.empty());
    }
  }
}

TEST(CsvCell, NeutralisesFormulasAndQuotes) {
  EXPECT_EQ(CsvCell("张三"), "张三");
  EXPECT_EQ(CsvCell("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvCell("+1"), "'+1");
  EXPECT_EQ(CsvCell("-1"), "'-1");
  EXPECT_EQ(CsvCell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvCell("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvCell("line\nbreak"), "\"line\nbreak\"");
}

}  // namespace
}  // namespace wagelink::imports
