// Ledger export memory: 1,000,000 rows of the case ledger's 11 columns through the constant-memory
// XLSX writer. Reports the resident-memory growth (sampled every 10,000 rows), the time and the
// file size; the target is memory flat in the row count.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "docs/xlsx_ledger.h"

namespace {
using namespace wagelink::docs;

long RssKb() {
  long total = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &total, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

void WriteCaseLedger(benchmark::State& state) {
  const auto rows = state.range(0);
  const std::string path = (std::filesystem::temp_directory_path() / ("wagelink-bench-ledger-" + std::to_string(::getpid()) + ".xlsx")).string();
  long grown_kb = 0;
  for (auto _ : state) {
    auto writer = XlsxLedgerWriter::Create(path, "案件台账", "案件台账",
                                           {{"案件编号"}, {"案件名称"}, {"用人单位"}, {"统一社会信用代码"}, {"受理时间"}, {"办理状态"},
                                            {"劳动者人数"}, {"欠薪金额（元）"}, {"已支付（元）"}, {"尚欠（元）"}, {"整改期限"}},
                                           "李承办（handler）导出于 2025-12-22 10:00")
                      .value();
    const long before = RssKb();
    long highest = before;
    for (std::int64_t i = 0; i < rows; ++i) {
      writer->AddRow({"WL-2025-" + std::to_string(i), "某劳务分包队（滨海花园二期）欠薪案", "某建工集团有限公司第" + std::to_string(i % 97) + "项目部",
                      "91110000MA0012345X", "2025-12-01 09:30", "已受理", std::int64_t{14}, 186400.0, 0.0, 186400.0, "2025-12-10"});
      if (i % 10'000 == 0) highest = std::max(highest, RssKb());
    }
    if (!writer->Close().ok()) state.SkipWithError("close failed");
    grown_kb = std::max(highest, RssKb()) - before;
  }
  state.counters["rss_growth_MiB"] = static_cast<double>(grown_kb) / 1024.0;
  state.counters["file_MiB"] = static_cast<double>(std::filesystem::file_size(path)) / (1 << 20);
  state.counters["rows_per_s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
  std::filesystem::remove(path);
}
BENCHMARK(WriteCaseLedger)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kSecond);

}  // namespace

BENCHMARK_MAIN();
