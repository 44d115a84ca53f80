// Reading a 100,000-row import file (the parsing half of the import; the database half is timed
// end to end by bench/import.sh): a worker roster as UTF-8 CSV, as GBK CSV, and as XLSX written by
// libxlsxwriter the way Excel stores it (shared strings, numbers).
#include <benchmark/benchmark.h>
#include <iconv.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "imports/column_mapping.h"
#include "imports/table.h"
#include "../tests/unit/imports/import_fixtures.h"

namespace {
using namespace wagelink::imports;
using testing::ToGbk;

constexpr int kRows = 100'000;

std::string RosterCsv() {
  std::string csv = "序号,姓名,身份证号码,手机号码,欠薪金额（元）,欠薪月数,欠薪起始月份,欠薪截止月份\r\n";
  for (int i = 0; i < kRows; ++i) {
    csv += std::to_string(i + 1) + ",工人" + std::to_string(i) + ",11010119800101" + std::to_string(1000 + i % 9000) + ",139" +
           std::to_string(10000000 + i) + "," + std::to_string(8000 + i % 5000) + ".50,7,2025-05,2025-11\r\n";
  }
  return csv;
}

std::string RosterXlsx() {
  const std::string path = (std::filesystem::temp_directory_path() / ("wagelink-bench-roster-" + std::to_string(::getpid()) + ".xlsx")).string();
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "花名册");
  const char* header[] = {"序号", "姓名", "身份证号码", "手机号码", "欠薪金额（元）", "欠薪月数", "欠薪起始月份", "欠薪截止月份"};
  for (int c = 0; c < 8; ++c) worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c], nullptr);
  for (int i = 0; i < kRows; ++i) {
    auto r = static_cast<lxw_row_t>(i + 1);
    worksheet_write_number(sheet, r, 0, i + 1, nullptr);
    worksheet_write_string(sheet, r, 1, ("工人" + std::to_string(i)).c_str(), nullptr);
    worksheet_write_string(sheet, r, 2, ("11010119800101" + std::to_string(1000 + i % 9000)).c_str(), nullptr);
    worksheet_write_string(sheet, r, 3, ("139" + std::to_string(10000000 + i)).c_str(), nullptr);
    worksheet_write_number(sheet, r, 4, 8000.5 + i % 5000, nullptr);
    worksheet_write_number(sheet, r, 5, 7, nullptr);
    worksheet_write_string(sheet, r, 6, "2025-05", nullptr);
    worksheet_write_string(sheet, r, 7, "2025-11", nullptr);
  }
  workbook_close(workbook);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return bytes;
}

void Read(benchmark::State& state, const std::string& bytes) {
  for (auto _ : state) {
    auto table = ReadTable(bytes);
    if (!table || table->rows.size() != kRows) state.SkipWithError("read failed");
    auto mapping = ProposeMapping(ImportKind::kRoster, table->header);
    benchmark::DoNotOptimize(mapping);
  }
  state.counters["file_MiB"] = static_cast<double>(bytes.size()) / (1 << 20);
  state.counters["rows_per_s"] = benchmark::Counter(kRows, benchmark::Counter::kIsIterationInvariantRate);
}

void ReadCsvUtf8(benchmark::State& state) { Read(state, RosterCsv()); }
void ReadCsvGbk(benchmark::State& state) { Read(state, ToGbk(RosterCsv())); }
void ReadXlsx(benchmark::State& state) { Read(state, RosterXlsx()); }
BENCHMARK(ReadCsvUtf8)->Unit(benchmark::kMillisecond);
BENCHMARK(ReadCsvGbk)->Unit(benchmark::kMillisecond);
BENCHMARK(ReadXlsx)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
