// Evidence types are decided by the bytes (domain/evidence_content.h), never by the name.
#include <gtest/gtest.h>

#include "domain/evidence_content.h"
#include "domain/evidence_kinds.h"

namespace wagelink::domain {
namespace {

std::string Code(std::string_view head, std::string_view name = "") {
  auto type = DetectContent(head, name);
  return type ? std::string(type->code) : "refused";
}

TEST(EvidenceContent, AllowedTypesAreRecognisedByTheirMagicBytes) {
  EXPECT_EQ(Code("\xFF\xD8\xFF\xE0\x00\x10JFIF"), "jpeg");
  EXPECT_EQ(Code("\x89PNG\r\n\x1A\n...."), "png");
  EXPECT_EQ(Code(std::string("RIFF\x10\x00\x00\x00" "WEBPVP8 ", 16)), "webp");
  EXPECT_EQ(Code(std::string("\x00\x00\x00\x18" "ftypmp42", 12)), "mp4");
  EXPECT_EQ(Code(std::string("\x00\x00\x00\x14" "ftypqt  ", 12)), "mov");
  EXPECT_EQ(Code(std::string("\x00\x00\x00\x20" "ftypM4A ", 12)), "m4a");
  EXPECT_EQ(Code("\x1A\x45\xDF\xA3\x9F"), "webm");
  EXPECT_EQ(Code("%PDF-1.7\n"), "pdf");
  EXPECT_EQ(Code("PK\x03\x04....[Content_Types].xml....word/document.xml"), "docx");
  EXPECT_EQ(Code("PK\x03\x04....[Content_Types].xml....xl/workbook.xml"), "xlsx");
  EXPECT_EQ(Code("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "工资表.XLS"), "xls");
  EXPECT_EQ(Code("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "笔录.doc"), "doc");
  EXPECT_EQ(Code("ID3\x04\x00"), "mp3");
  EXPECT_EQ(Code("\xFF\xFB\x90\x64"), "mp3");
  EXPECT_EQ(Code(std::string("RIFF\x10\x00\x00\x00" "WAVEfmt ", 16)), "wav");
  EXPECT_EQ(Code("#!AMR\n\x3C"), "amr");
}

TEST(EvidenceContent, PagesScriptsProgramsAndArbitraryZipsAreRefusedWhateverTheName) {
  EXPECT_EQ(Code("<!DOCTYPE html><script>", "photo.jpg"), "refused");
  EXPECT_EQ(Code("<svg xmlns=\"http://www.w3.org/2000/svg\">", "photo.png"), "refused");
  EXPECT_EQ(Code("<?xml version=\"1.0\"?><svg/>", "photo.jpg"), "refused");
  EXPECT_EQ(Code("\x7F" "ELF\x02\x01", "record.pdf"), "refused");
  EXPECT_EQ(Code("MZ\x90\x00", "payroll.xlsx"), "refused");
  EXPECT_EQ(Code("#!/bin/sh\n", "audio.amr"), "refused");
  EXPECT_EQ(Code("PK\x03\x04....evil.exe", "contract.docx"), "refused");
  EXPECT_EQ(Code("", "empty.pdf"), "refused");
}

TEST(EvidenceKinds, APackageItemIsPresentWithAFileOfItsKindOrAttachedForIt) {
  PackageRequirement interviews{.id = "worker_interviews", .zh = "劳动者询问笔录", .required = true, .kinds = {"interview_record"}};
  PackageRequirement report{.id = "investigation_report", .zh = "调查报告", .required = true, .kinds = {},
                            .generated_document = false, .document_kind = "investigation_report"};
  PackageRequirement letter{.id = "transfer_letter", .zh = "移送书", .required = true, .generated_document = true};
  std::vector<PackageRequirement> package{interviews, report, letter};
  EXPECT_EQ(MissingPackageItems(package, {}, {}), (std::vector<std::string>{"劳动者询问笔录", "调查报告"}));
  std::vector<AttachedEvidence> files{{.kind = "interview_record", .supports = std::nullopt},
                                      {.kind = "other", .supports = "investigation_report"}};
  EXPECT_TRUE(MissingPackageItems(package, files, {}).empty());
  EXPECT_TRUE(MissingPackageItems(package, {files[0]}, {"investigation_report"}).empty()) << "an issued document counts";
}

}  // namespace
}  // namespace wagelink::domain
