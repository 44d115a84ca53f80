#pragma once
// Reads known ahead, such as a case's child rows once the case itself has been found visible.
//
// On PostgreSQL they are sent together in one round trip (libpq pipeline mode, after any deferred
// writes, store/deferred_write.h), and each answer waits on the connection until the same statement
// with the same parameters asks for it, once. So a repository keeps its own statements: it only
// tells which it will run (its `...Read` functions) and runs them as ever. A statement that asks
// for something else just runs; a write on the connection drops every waiting answer, so nothing
// read ahead can hide it; and so does the end of the ReadsAhead, so no answer outlives the request.
// On SQLite, whose reads cost no round trip, nothing is sent ahead.
//
// A planned read that nobody asks for was wasted work, not a wrong answer.
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct PlannedRead {
  std::string sql;
  Params params;
};

class ReadsAhead {
 public:
  ReadsAhead(Connection& connection, const std::vector<PlannedRead>& reads);
  ReadsAhead(const ReadsAhead&) = delete;
  ReadsAhead& operator=(const ReadsAhead&) = delete;
  ~ReadsAhead();

  // How many answers still wait (0 once every planned read was asked for; always 0 on SQLite).
  std::size_t waiting() const;

 private:
  Connection& connection_;
};

}  // namespace wagelink::store
