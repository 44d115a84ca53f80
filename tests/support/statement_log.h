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
    statements_.push_back({std::string(sql), params});
    return real_.Execute(sql, params);
  }
  void Stream(std::string_view sql, const store::Params& params, const store::RowCallback& on_row) override {
    statements_.push_back({std::string(sql), params});
    real_.Stream(sql, params, on_row);
  }
  void ExecuteScript(std::string_view sql) override { real_.ExecuteScript(sql); }
  bool Healthy() override { return real_.Healthy(); }

  struct Statement {
    std::string sql;
    store::Params params;
  };

  std::size_t size() const { return statements_.size(); }
  std::size_t Naming(std::string_view text) const {
    return static_cast<std::size_t>(std::count_if(statements_.begin(), statements_.end(), [&](const Statement& s) {
      return s.sql.find(text) != std::string::npos;
    }));
  }
  // Every statement run, in order, with the values bound to it (to run again, e.g. under EXPLAIN).
  const std::vector<Statement>& statements() const { return statements_; }

 private:
  store::Connection& real_;
  std::vector<Statement> statements_;
};

}  // namespace wagelink::testing
