#pragma once
// Test support for upgrade tests: takes a migrated database back to the schema an older release
// left, keeping the rows as they are, so that opening it applies the later migrations again. The
// undoing of each later migration is written here once, newest first; an upgrade test of migration
// N rolls back to N - 1 and expects N and every one after it to apply.
#include "store/database.h"

namespace wagelink::testing {

inline void RollBackSchemaTo(store::Connection& c, int version) {
  if (version < 31 && c.dialect() == store::Dialect::kPostgres) {  // the tags beside the searchable text
    c.ExecuteScript(
        "DROP FUNCTION case_search_retag() CASCADE; ALTER TABLE case_search DROP COLUMN tags; "
        "CREATE OR REPLACE FUNCTION case_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "INSERT INTO case_search (case_id, searchable) SELECT case_id, searchable FROM case_searchable WHERE case_id = NEW.id "
        "ON CONFLICT (case_id) DO UPDATE SET searchable = EXCLUDED.searchable; RETURN NULL; END $$; "
        "DROP FUNCTION case_search_tags(BIGINT); DROP TRIGGER case_search_insert ON cases; "
        "CREATE TRIGGER case_search_insert AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION case_search_refresh();");
  }
  if (version < 30) {  // the case search index
    c.ExecuteScript(c.dialect() == store::Dialect::kPostgres
                        ? "DROP FUNCTION case_search_refresh() CASCADE; DROP VIEW case_searchable; DROP TABLE case_search;"
                        : "DROP TRIGGER case_search_insert; DROP TRIGGER case_search_update; "
                          "DROP TRIGGER case_search_delete; DROP VIEW case_searchable; DROP TABLE case_search;");
  }
  if (version < 29) c.Execute("DELETE FROM case_tallies WHERE metric LIKE 'state:%'");  // state counts
  if (version < 28) c.ExecuteScript("DROP INDEX case_clocks_open_due; DROP TABLE case_tallies;");  // running totals
  c.Execute("DELETE FROM schema_migrations WHERE version > ?", {std::int64_t{version}});
}

}  // namespace wagelink::testing
