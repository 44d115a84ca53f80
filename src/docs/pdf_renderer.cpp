// A small GB/T 9704-2012 style renderer for official documents on cairo + pango.
//
// Geometry (GB/T 9704 §5): A4, 天头 37 mm, 订口 28 mm, right 26 mm, bottom 35 mm, so the text area
// is 156 × 225 mm; body text 3号 (16 pt) in 22 lines per page; title 2号 (22 pt); page numbers
// 4号 "— N —" 7 mm below the text area, odd pages right and even pages left, one character in.
// Fonts: Debian ships no 仿宋/小标宋, so Noto Serif CJK SC stands in for 仿宋 and Noto Sans CJK SC
// (bold) for 黑体/小标宋. Lines are placed one by one on a fixed pitch so paragraphs flow across
// pages; a form row (kField) is never split.
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>

#include "docs/pdf_document.h"

namespace wagelink::docs {
namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kPageWidth = 210 * kMm, kPageHeight = 297 * kMm;
constexpr double kTop = 37 * kMm, kBottom = 35 * kMm, kLeft = 28 * kMm, kRight = 26 * kMm;
constexpr double kTextWidth = kPageWidth - kLeft - kRight;
constexpr double kTextHeight = kPageHeight - kTop - kBottom;
constexpr double kBodySize = 16;                  // 3号
constexpr double kBodyPitch = kTextHeight / 22;   // 22 lines per page
constexpr double kTitleSize = 22;                 // 2号
constexpr double kTitlePitch = 36;
constexpr double kSmallSize = 14;                 // 4号: page numbers, 版记, form tables
constexpr double kCellPad = 5;
constexpr double kLabelWidth = 38 * kMm;

constexpr const char* kSerif = "Noto Serif CJK SC";      // 仿宋 stand-in
constexpr const char* kSans = "Noto Sans CJK SC";        // 黑体 stand-in
constexpr const char* kSansBold = "Noto Sans CJK SC Bold";  // 小标宋 stand-in

struct Rgb {
  double r, g, b;
};
constexpr Rgb kBlack{0, 0, 0};
constexpr Rgb kRed{0.80, 0.05, 0.05};

using LayoutPtr = std::unique_ptr<PangoLayout, decltype(&g_object_unref)>;

struct Flow {
  enum class Align { kLeft, kCenter, kRight, kJustify };
  const char* face = kSerif;
  double size = kBodySize;
  double pitch = kBodyPitch;
  double indent = 0;  // first line
  double width = kTextWidth;
  double x = 0;       // offset from the left margin
  Align align = Align::kJustify;
  Rgb color = kBlack;
};

class PageWriter {
 public:
  PageWriter(cairo_t* cr, const PdfDocument& document) : cr_(cr), document_(document) {
    context_ = pango_cairo_create_context(cr_);
    pango_cairo_context_set_resolution(context_, 72);  // pango sizes are then PDF points
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
  }
  ~PageWriter() { g_object_unref(context_); }
  PageWriter(const PageWriter&) = delete;
  PageWriter& operator=(const PageWriter&) = delete;

  int pages() const { return page_; }
  double y() const { return y_; }
  void Skip(double height) { y_ += height; }

  // Starts the next page when fewer than `height` points remain.
  void EnsureRoom(double height) {
    if (y_ + height > kTextHeight + 0.01) NextPage();
  }

  void NextPage() {
    FinishPage();
    cairo_show_page(cr_);
    ++page_;
    y_ = 0;
  }

  void FinishPage() {
    DrawPageNumber();
    if (document_.watermark) DrawWatermark(*document_.watermark);
  }

  LayoutPtr Layout(const std::string& text, const Flow& flow) {
    LayoutPtr layout(pango_layout_new(context_), &g_object_unref);
    PangoFontDescription* font = pango_font_description_from_string(flow.face);
    pango_font_description_set_absolute_size(font, flow.size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>(flow.width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_indent(layout.get(), static_cast<int>(flow.indent * PANGO_SCALE));
    switch (flow.align) {
      case Flow::Align::kCenter: pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER); break;
      case Flow::Align::kRight: pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT); break;
      case Flow::Align::kJustify: pango_layout_set_justify(layout.get(), TRUE); break;
      case Flow::Align::kLeft: break;
    }
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    return layout;
  }

  // Draws a paragraph line by line on the flow's pitch, breaking pages between lines.
  void Paragraph(const std::string& text, const Flow& flow) {
    auto layout = Layout(text.empty() ? " " : text, flow);
    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    do {
      EnsureRoom(flow.pitch);
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
      double baseline = kTop + y_ + (flow.pitch - flow.size) / 2 + flow.size * 0.88;
      SetColor(flow.color);
      cairo_move_to(cr_, kLeft + flow.x + static_cast<double>(logical.x) / PANGO_SCALE, baseline);
      pango_cairo_show_layout_line(cr_, line);
      y_ += flow.pitch;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
  }

  // Draws a one-line text without advancing: the next Paragraph shares its line (e.g. a number
  // flush left and the 签发人 flush right).
  void SameLine(const std::string& text, const Flow& flow) {
    const double saved = y_;
    Paragraph(text, flow);
    y_ = saved;
  }

  // One row of a bordered two-column form; moved whole to the next page when it does not fit.
  void FieldRow(const std::string& label, const std::string& value) {
    Flow label_flow{.face = kSans, .size = kSmallSize, .width = kLabelWidth - 2 * kCellPad, .align = Flow::Align::kLeft};
    Flow value_flow{.face = kSerif, .size = kSmallSize, .width = kTextWidth - kLabelWidth - 2 * kCellPad,
                    .align = Flow::Align::kLeft};
    auto label_layout = Layout(label, label_flow);
    auto value_layout = Layout(value.empty() ? " " : value, value_flow);
    int lw = 0, lh = 0, vw = 0, vh = 0;
    pango_layout_get_size(label_layout.get(), &lw, &lh);
    pango_layout_get_size(value_layout.get(), &vw, &vh);
    double height = std::max({static_cast<double>(lh) / PANGO_SCALE, static_cast<double>(vh) / PANGO_SCALE,
                              kBodyPitch - 2 * kCellPad}) + 2 * kCellPad;
    EnsureRoom(height);
    double top = kTop + y_;
    SetColor(kBlack);
    cairo_set_line_width(cr_, 0.75);
    cairo_rectangle(cr_, kLeft, top, kLabelWidth, height);
    cairo_rectangle(cr_, kLeft + kLabelWidth, top, kTextWidth - kLabelWidth, height);
    cairo_stroke(cr_);
    cairo_move_to(cr_, kLeft + kCellPad, top + (height - static_cast<double>(lh) / PANGO_SCALE) / 2);
    pango_cairo_show_layout(cr_, label_layout.get());
    cairo_move_to(cr_, kLeft + kLabelWidth + kCellPad, top + kCellPad);
    pango_cairo_show_layout(cr_, value_layout.get());
    y_ += height;
  }

  void Rule(double at_y, double width, Rgb color) {
    SetColor(color);
    cairo_set_line_width(cr_, width);
    cairo_move_to(cr_, kLeft, kTop + at_y);
    cairo_line_to(cr_, kLeft + kTextWidth, kTop + at_y);
    cairo_stroke(cr_);
  }

  // The seal area: a dashed 42 mm circle over the signature and date, where the stamp goes.
  void SealArea(double center_x, double center_y) {
    cairo_save(cr_);
    SetColor(kRed);
    cairo_set_line_width(cr_, 0.6);
    const double dashes[] = {3, 3};
    cairo_set_dash(cr_, dashes, 2, 0);
    cairo_arc(cr_, center_x, kTop + center_y, 21 * kMm, 0, 2 * G_PI);
    cairo_stroke(cr_);
    cairo_restore(cr_);
  }

  cairo_t* cr() { return cr_; }

 private:
  void SetColor(Rgb c) { cairo_set_source_rgb(cr_, c.r, c.g, c.b); }

  void DrawPageNumber() {
    std::string text = "— " + std::to_string(page_) + " —";
    Flow flow{.face = kSerif, .size = kSmallSize, .width = kTextWidth - 2 * kSmallSize,
              .x = kSmallSize, .align = page_ % 2 ? Flow::Align::kRight : Flow::Align::kLeft};
    auto layout = Layout(text, flow);
    PangoRectangle logical;
    pango_layout_get_pixel_extents(layout.get(), nullptr, &logical);
    SetColor(kBlack);
    cairo_move_to(cr_, kLeft + flow.x, kTop + kTextHeight + 7 * kMm);
    pango_cairo_show_layout(cr_, layout.get());
  }

  void DrawWatermark(const std::string& text) {
    cairo_save(cr_);
    Flow flow{.face = kSans, .size = 13, .width = 120 * kMm, .align = Flow::Align::kLeft};
    auto layout = Layout(text, flow);
    cairo_set_source_rgba(cr_, 0.45, 0.45, 0.45, 0.22);
    // Drawn as outlines, not text: it cannot be selected, searched or stripped with text tools.
    // The outline is built once and stamped at each position.
    cairo_new_path(cr_);
    cairo_move_to(cr_, 0, 0);
    pango_cairo_layout_path(cr_, layout.get());
    cairo_path_t* outline = cairo_copy_path(cr_);
    cairo_new_path(cr_);
    for (double row = -1; row < 6; ++row) {
      for (double col = -1; col < 3; ++col) {
        cairo_save(cr_);
        cairo_translate(cr_, col * 95 * kMm + (static_cast<int>(row) % 2) * 45 * kMm, 30 * kMm + row * 55 * kMm);
        cairo_rotate(cr_, -G_PI / 6);
        cairo_append_path(cr_, outline);
        cairo_fill(cr_);
        cairo_restore(cr_);
      }
    }
    cairo_path_destroy(outline);
    cairo_restore(cr_);
    // One searchable trace line in the bottom margin names the copy's viewer.
    auto trace = Layout("下载：" + text, {.face = kSans, .size = 8, .width = kTextWidth, .align = Flow::Align::kCenter});
    cairo_set_source_rgb(cr_, 0.4, 0.4, 0.4);
    cairo_move_to(cr_, kLeft, kPageHeight - 12 * kMm);
    pango_cairo_show_layout(cr_, trace.get());
  }

  cairo_t* cr_;
  const PdfDocument& document_;
  PangoContext* context_ = nullptr;
  int page_ = 1;
  double y_ = 0;
};

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// 版头 (GB/T 9704-2012 §7.2): the issuer's name in red, the 发文字号 (with the 签发人 on the same line
// where the format needs one, §7.2.5), and the red separator line under them — on every document,
// forms included, so a page always shows whose document it is.
void DrawHeader(PageWriter& w, const PdfDocument& d) {
  using A = Flow::Align;
  if (!d.letterhead) {  // a form: title, then its number flush right above the red line and the table
    w.Paragraph(d.title, {.face = kSansBold, .size = kTitleSize, .pitch = kTitlePitch, .align = A::kCenter});
    if (!d.number.empty()) w.Paragraph(d.number, {.width = kTextWidth, .align = A::kRight});
    w.Rule(w.y() + 2 * kMm, 1.2, kRed);
    w.Skip(kBodyPitch / 2);
    return;
  }
  if (!d.issuer.empty()) {
    w.Paragraph(d.issuer, {.face = kSansBold, .size = kTitleSize, .pitch = kTitlePitch, .align = A::kCenter, .color = kRed});
  }
  if (!d.number.empty()) {
    w.Skip(kBodyPitch / 2);
    if (d.signer.empty()) {
      w.Paragraph(d.number, {.align = A::kCenter});
    } else {  // §7.2.5: number one character in from the left, 签发人 one character in from the right
      w.SameLine(d.number, {.width = kTextWidth - 2 * kBodySize, .x = kBodySize, .align = A::kLeft});
      w.Paragraph("签发人：" + d.signer, {.width = kTextWidth - 2 * kBodySize, .x = kBodySize, .align = A::kRight});
    }
  }
  w.Rule(w.y() + 4 * kMm - kBodyPitch / 3, 1.2, kRed);  // 红色分隔线, 4 mm under the number
  w.Skip(kBodyPitch);
  w.Paragraph(d.title, {.face = kSansBold, .size = kTitleSize, .pitch = kTitlePitch, .align = A::kCenter});
  w.Skip(kBodyPitch / 2);
}

void DrawBlocks(PageWriter& w, const PdfDocument& d) {
  using A = Flow::Align;
  for (const auto& block : d.blocks) {
    switch (block.style) {
      case BlockStyle::kAddressee: w.Paragraph(block.text, {.align = A::kLeft}); break;
      case BlockStyle::kBody: w.Paragraph(block.text, {.indent = 2 * kBodySize}); break;
      case BlockStyle::kItem: w.Paragraph(block.text, {.indent = 2 * kBodySize}); break;
      case BlockStyle::kHeading: w.Paragraph(block.text, {.face = kSans, .indent = 2 * kBodySize, .align = A::kLeft}); break;
      case BlockStyle::kField: w.FieldRow(block.label, block.text); break;
      case BlockStyle::kRight: w.Paragraph(block.text, {.width = kTextWidth - 2 * kBodySize, .align = A::kRight}); break;
    }
  }
}

// 署名 and 成文日期 (GB/T 9704-2012 7.3.5.1): the date four characters in from the right, the issuer
// centred over it, one line under the text, both on one page with the seal area over them.
void DrawSignature(PageWriter& w, const PdfDocument& d) {
  if (d.issuer.empty() && d.date.empty()) return;
  w.EnsureRoom(3 * kBodyPitch);
  w.Skip(kBodyPitch);  // 印章顶端上距正文一行之内
  // As wide as the longer of the two lines (at least 13 characters), so neither wraps.
  double block_width = 13 * kBodySize;
  for (const auto* line : {&d.issuer, &d.date}) {
    PangoRectangle logical;
    pango_layout_get_extents(w.Layout(*line, {.width = kTextWidth, .align = Flow::Align::kLeft}).get(), nullptr, &logical);
    block_width = std::max(block_width, static_cast<double>(logical.width) / PANGO_SCALE + kBodySize);
  }
  block_width = std::min(block_width, kTextWidth - 4 * kBodySize);
  const double x = kTextWidth - 4 * kBodySize - block_width;
  double top = w.y();
  w.Paragraph(d.issuer, {.width = block_width, .x = x, .align = Flow::Align::kCenter});
  w.Paragraph(d.date, {.width = block_width, .x = x, .align = Flow::Align::kCenter});
  if (d.seal) w.SealArea(kLeft + x + block_width / 2, top + kBodyPitch);
  // 附注 (§7.3.6): in parentheses, two characters in, on the line under the date.
  if (!d.annotation.empty()) w.Paragraph("（" + d.annotation + "）", {.indent = 2 * kBodySize, .align = Flow::Align::kLeft});
}

// 版记 at the foot of the last page (§7.4): 抄送, then 印发机关 flush left and 印发日期 flush right,
// between rules.
void DrawRecordFooter(PageWriter& w, const PdfDocument& d) {
  const bool printed = !d.print_office.empty() || !d.print_line.empty();
  int lines = (d.copy_to.empty() ? 0 : 1) + (printed ? 1 : 0);
  if (lines == 0) return;
  const double pitch = kSmallSize * 1.9;
  double height = lines * pitch + 4;
  w.EnsureRoom(height + kBodyPitch);
  double start = kTextHeight - height;
  w.Skip(start - w.y());
  w.Rule(w.y(), 1.0, kBlack);
  if (!d.copy_to.empty()) {
    const bool stop = d.copy_to.ends_with("。");  // GB/T 9704 10.1: the list ends with a full stop
    w.Paragraph("抄送：" + d.copy_to + (stop ? "" : "。"), {.size = kSmallSize, .pitch = pitch, .indent = -3 * kSmallSize,
                                        .width = kTextWidth - 2 * kSmallSize, .x = kSmallSize, .align = Flow::Align::kLeft});
    if (printed) w.Rule(w.y(), 0.7, kBlack);
  }
  const Flow small{.size = kSmallSize, .pitch = pitch, .width = kTextWidth - 2 * kSmallSize, .x = kSmallSize,
                   .align = Flow::Align::kLeft};
  if (!d.print_office.empty()) {
    w.SameLine(d.print_office, small);
    Flow right = small;
    right.align = Flow::Align::kRight;
    w.Paragraph(d.print_date.empty() ? " " : d.print_date + "印发", right);
  } else if (!d.print_line.empty()) {
    w.Paragraph(d.print_line, small);
  }
  w.Rule(w.y(), 1.0, kBlack);
}

}  // namespace

Result<RenderedPdf> RenderPdf(const PdfDocument& document) {
  RenderedPdf out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendBytes, &out.bytes, kPageWidth, kPageHeight);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return MakeError(ErrorCode::kInternal, "无法创建 PDF 文档", "cannot create a PDF surface");
  }
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, document.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, document.issuer.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "WageLink");
  if (!document.created_at.empty()) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, document.created_at.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, document.created_at.c_str());
  }
  cairo_t* cr = cairo_create(surface);
  {
    PageWriter writer(cr, document);
    DrawHeader(writer, document);
    DrawBlocks(writer, document);
    DrawSignature(writer, document);
    DrawRecordFooter(writer, document);
    writer.FinishPage();
    out.pages = writer.pages();
  }
  cairo_show_page(cr);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    return MakeError(ErrorCode::kInternal, std::string("PDF 生成失败：") + cairo_status_to_string(status),
                     std::string("PDF rendering failed: ") + cairo_status_to_string(status));
  }
  return out;
}

}  // namespace wagelink::docs
