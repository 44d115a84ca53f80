// store/grown_table.cpp — see grown_table.h.
#include "store/grown_table.h"

namespace wagelink::store {

void PlanAgainAsTableGrows(Connection& connection, std::size_t rows_added) {
  if (connection.dialect() != Dialect::kPostgres) return;
  if (rows_added == 256 || rows_added == 1'024 || rows_added == 4'096) connection.Execute("DISCARD PLANS");
}

}  // namespace wagelink::store
