// One PDF render (target ≤ 200 ms, ARCHITECTURE.md): the order to pay of scenario S1 with its
// 14-worker annex, and a long one (200 workers, several pages), each with the viewer's watermark.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "docs/document_template.h"
#include "docs/pdf_document.h"

namespace {
using namespace wagelink::docs;

PdfDocument OrderToPay(int workers) {
  std::ifstream in(std::string(WAGELINK_SOURCE_DIR) + "/data/templates/rectification_order.json");
  std::stringstream text;
  text << in.rdbuf();
  auto t = ParseDocumentTemplate(text.str()).value();
  TemplateValues v;
  for (const auto& f : t.fields) {
    if (f.source == "case") v.values[f.name] = "某劳务分包队（包工头 王某）滨海花园二期" + f.name;
  }
  for (int i = 0; i < workers; ++i) v.lists["workers"].push_back("张建国" + std::to_string(i) + "　应付工资人民币21,300.00元");
  PdfDocument doc = FillTemplate(t, v).value();
  doc.issuer = "区人社局（劳动保障监察大队）";
  doc.number = "示劳监〔2025〕1号";
  doc.date = "2025年12月22日";
  doc.created_at = "2025-12-22T02:00:00Z";
  doc.watermark = "李承办（handler）2025-12-22 10:00 下载";
  return doc;
}

void RenderOrderToPay(benchmark::State& state) {
  PdfDocument doc = OrderToPay(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  int pages = 0;
  for (auto _ : state) {
    auto pdf = RenderPdf(doc);
    bytes = pdf.value().bytes.size();
    pages = pdf.value().pages;
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["pages"] = pages;
  state.counters["kB"] = static_cast<double>(bytes) / 1024.0;
}
BENCHMARK(RenderOrderToPay)->Arg(14)->Arg(200)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
