// .xlsx: real workbooks written by libxlsxwriter, and hand-made hostile archives.
#include <unistd.h>

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <fstream>
#include <iterator>

#include "imports/table.h"
#include "import_fixtures.h"

namespace wagelink::imports {
namespace {
using testing::MakeZip;
using testing::SheetXml;
using testing::ZipEntry;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A roster the way a body's Excel looks: a title row above the header is common, so the test
// puts the header on row 1 and leaves a blank row inside the data.
std::string RosterWorkbook() {
  // ctest runs each test in its own process, two at a time: a shared file name would let one test
  // delete the workbook another is reading.
  std::string path = ::testing::TempDir() + "roster-" + std::to_string(::getpid()) + ".xlsx";
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "花名册");
  worksheet_write_string(sheet, 0, 0, "姓名", nullptr);
  worksheet_write_string(sheet, 0, 1, "身份证号码", nullptr);
  worksheet_write_string(sheet, 0, 2, "欠薪金额（元）", nullptr);
  worksheet_write_string(sheet, 0, 3, "投诉日期", nullptr);
  worksheet_write_string(sheet, 1, 0, "张三", nullptr);
  worksheet_write_string(sheet, 1, 1, "110101199003077777", nullptr);
  worksheet_write_number(sheet, 1, 2, 21300.5, nullptr);
  worksheet_write_number(sheet, 1, 3, 45992, nullptr);  // a date as Excel stores it
  worksheet_write_string(sheet, 3, 0, "李四", nullptr);
  worksheet_write_formula_num(sheet, 3, 2, "=B2*0+8000.1", nullptr, 8000.1);
  worksheet_write_number(sheet, 4, 0, 0.1 + 0.2, nullptr);
  workbook_close(workbook);
  std::string bytes = ReadFile(path);
  std::remove(path.c_str());
  return bytes;
}

TEST(XlsxReader, ReadsTheFirstSheetWithSharedStringsNumbersAndCachedFormulas) {
  auto table = ReadTable(RosterWorkbook());
  ASSERT_TRUE(table) << table.error().message_en;
  EXPECT_EQ(table->format, "xlsx");
  EXPECT_EQ(table->header, (std::vector<std::string>{"姓名", "身份证号码", "欠薪金额（元）", "投诉日期"}));
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[0].line, 2u);
  EXPECT_EQ(table->rows[0].cells[1], "110101199003077777");
  EXPECT_EQ(table->rows[0].cells[2], "21300.5");
  EXPECT_EQ(table->rows[0].cells[3], "45992");
  EXPECT_EQ(table->rows[1].line, 4u);  // the blank row 3 is skipped, numbering kept
  EXPECT_EQ(table->rows[1].cells[2], "8000.1");
  EXPECT_EQ(table->rows[2].cells[0], "0.3");  // binary noise of 0.1 + 0.2 removed
  EXPECT_EQ(table->formula_cells, 1u);
}

TEST(XlsxReader, ReadsInlineStringsAndSparseCells) {
  std::string sheet = SheetXml(
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>姓名</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>金额</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>王五</t></is></c><c r=\"C2\"><v>100</v></c></row>");
  auto table = ReadTable(MakeZip({{"xl/worksheets/sheet1.xml", sheet, {}}}));
  ASSERT_TRUE(table) << table.error().message_en;
  EXPECT_EQ(table->header, (std::vector<std::string>{"姓名", "", "金额"}));
  EXPECT_EQ(table->rows[0].cells[2], "100");
}

TEST(XlsxReader, RefusesAFormulaWithoutAStoredResult) {
  std::string sheet = SheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c></row>"
                               "<row r=\"2\"><c r=\"A2\"><f>WEBSERVICE(\"http://evil\")</f></c></row>");
  auto table = ReadTable(MakeZip({{"xl/worksheets/sheet1.xml", sheet, {}}}));
  ASSERT_FALSE(table);
  EXPECT_NE(table.error().message_en.find("formula at row 2, column A"), std::string::npos);
}

TEST(XlsxReader, RefusesDoctypeAndEntityExpansion) {
  std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
      "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>";
  auto table = ReadTable(MakeZip({{"xl/worksheets/sheet1.xml", laughs, {}}}));
  ASSERT_FALSE(table);
  EXPECT_NE(table.error().message_en.find("DOCTYPE"), std::string::npos);
}

TEST(XlsxReader, RefusesAZipBombThatAdmitsItsSize) {
  ReadLimits limits;
  limits.max_uncompressed_bytes = 8u << 20;
  auto table = ReadTable(MakeZip({{"xl/worksheets/sheet1.xml", std::string(9u << 20, ' '), {}}}), limits);
  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().code, ErrorCode::kPayloadTooLarge);
  EXPECT_NE(table.error().message_en.find("zip bomb"), std::string::npos);
}

TEST(XlsxReader, RefusesAZipBombThatLiesAboutItsSize) {
  // 64 MiB of blanks compress to ~64 KiB; the archive claims 1,000 bytes. minizip stops at the
  // declared size, and the CRC of what was read then fails: refused as damaged, nothing inflated
  // past the claim.
  std::string body = SheetXml("") + std::string(64u << 20, ' ');
  std::string bomb = MakeZip({{"xl/worksheets/sheet1.xml", body, 1000ul}});
  ASSERT_LT(bomb.size(), 1u << 20);
  auto table = ReadTable(bomb);
  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().field, "file");
}

TEST(XlsxReader, RefusesTooManyEntriesTooManyColumnsAndHugeCells) {
  std::vector<ZipEntry> entries;
  for (int i = 0; i < 1001; ++i) entries.push_back({"x/" + std::to_string(i), "x", {}});
  EXPECT_EQ(ReadTable(MakeZip(entries)).error().code, ErrorCode::kPayloadTooLarge);

  std::string far = SheetXml("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>");
  EXPECT_EQ(ReadTable(MakeZip({{"xl/worksheets/sheet1.xml", far, {}}})).error().code, ErrorCode::kPayloadTooLarge);

  std::string huge = SheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + std::string(40000, 'x') + "</t></is></c></row>");
  EXPECT_EQ(ReadTable(MakeZip({{"xl/worksheets/sheet1.xml", huge, {}}})).error().code, ErrorCode::kPayloadTooLarge);
}

TEST(XlsxReader, RefusesDamagedArchivesAndBadIndexes) {
  std::string workbook = RosterWorkbook();
  EXPECT_FALSE(ReadTable(workbook.substr(0, workbook.size() / 2)));
  EXPECT_FALSE(ReadTable(MakeZip({{"readme.txt", "no sheet here", {}}})));
  std::string bad_index = SheetXml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99</v></c></row>");
  EXPECT_FALSE(ReadTable(MakeZip({{"xl/worksheets/sheet1.xml", bad_index, {}}})));
  std::string broken = SheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></row>");
  EXPECT_FALSE(ReadTable(MakeZip({{"xl/worksheets/sheet1.xml", broken, {}}})));
}

TEST(XlsxReader, SurvivesFlippedBytes) {
  // Fuzz-ish: damage a real workbook byte by byte; every outcome is a table or a refusal.
  std::string workbook = RosterWorkbook();
  for (std::size_t i = 0; i < workbook.size(); i += 7) {
    std::string damaged = workbook;
    damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
    auto table = ReadTable(damaged);
    if (!table) {
      EXPECT_FALSE(table.error().message_en.empty());
    }
  }
}

}  // namespace
}  // namespace wagelink::imports
