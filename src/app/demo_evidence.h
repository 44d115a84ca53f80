#pragma once
// Small synthetic evidence files for the demo scenarios (a one-page PDF, a tiny PNG standing in
// for a photo of the posted order), so a demo case that was transferred has its package as files.
#include <string>

namespace wagelink::app {

// A minimal valid PDF whose page shows `title` (ASCII) and whose bytes differ per `title`.
std::string DemoPdf(const std::string& title);
// A valid 1×1 PNG; `variant` changes a pixel so that files of different cases differ.
std::string DemoPng(unsigned char variant);

}  // namespace wagelink::app
