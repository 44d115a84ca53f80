// One PDF render (target ≤ 200 ms, ARCHITECTURE.md): the order to pay of scenario S1 with its
// 14-worker annex, and a long one (200 workers, several pages), each with the viewer's watermark;
// then each document type a step issues (issue 15), as issued.
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

// Each document type a step issues since issue 15, as issued (official layout: 版头, red line, 文号,
// seal area, 附注, 版记), without the watermark: the cost a step pays inside its transaction.
PdfDocument Issued(const std::string& kind) {
  std::ifstream in(std::string(WAGELINK_SOURCE_DIR) + "/data/templates/" + kind + ".json");
  std::stringstream text;
  text << in.rdbuf();
  auto t = ParseDocumentTemplate(text.str()).value();
  TemplateValues v;
  for (const auto& f : t.fields) {
    if (f.source == "case") v.values[f.name] = "示范区人力资源和社会保障局滨海花园二期" + f.name;
    if (f.source == "list") v.lists[f.name] = {"工资支付凭证原件", "考勤记录", "劳动合同"};
  }
  PdfDocument doc = FillTemplate(t, v).value();
  doc.issuer = "示范区人民法院";
  doc.number = "示法绿〔2026〕1号";
  doc.date = "2026年3月2日";
  doc.print_office = "示范区人民法院办公室";
  doc.print_date = "2026年3月2日";
  doc.created_at = "2026-03-02T02:00:00Z";
  return doc;
}

void RenderIssuedDocument(benchmark::State& state, const std::string& kind) {
  PdfDocument doc = Issued(kind);
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
BENCHMARK_CAPTURE(RenderIssuedDocument, filing_decision, std::string("filing_decision"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RenderIssuedDocument, materials_correction_notice, std::string("materials_correction_notice"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RenderIssuedDocument, intervention_opinion, std::string("intervention_opinion"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RenderIssuedDocument, procuratorial_recommendation, std::string("procuratorial_recommendation"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RenderIssuedDocument, green_channel_record, std::string("green_channel_record"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RenderIssuedDocument, execution_notice, std::string("execution_notice"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RenderIssuedDocument, legal_aid_assignment, std::string("legal_aid_assignment"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(RenderIssuedDocument, transfer_letter, std::string("transfer_letter"))->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
