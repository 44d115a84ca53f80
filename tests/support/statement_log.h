// tests/support/statement_log.h — a connection wrapper that records the statements run through it.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace wagelink::testing {

// A real connection that also keeps the text of every statement run through it, so a test can see
// which plan a search took, how often an index was asked, or that a step ran no statement at all.
class StatementLog : public store::Connection {
 public:
  explicit StatementLog(store::Connection& real) : real_(real) {}
  store::Dialect dialect() const override { return real_.dialect(); }
  std::int64_t Execute(std::string_view sql, const store::Params& params) override {
    statements_.emplace_back(sql);
    return real_.Execute(sql, params);
  }
  void Stream(std::string_view sql, const store::Params& params, const store::RowCallback& on_row) override {
    statements_.emplace_back(sql);
    real_.Stream(sql, params, on_row);
  }
  void ExecuteScript(std::string_view sql) override { real_.ExecuteScript(sql); }
  bool Healthy() override { return real_.Healthy(); }

  std::size_t size() const { return statements_.size(); }
  std::size_t Naming(std::string_view text) const {
    return static_cast<std::size_t>(std::count_if(statements_.begin(), statements_.end(),
                                                  [&](const std::string& sql) { return sql.find(text) != std::string::npos; }));
  }

 private:
  store::Connection& real_;
  std::vector<std::string> statements_;
};

}  // namespace wagelink::testing
