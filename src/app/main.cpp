// wagelink — the WageLink server and its administration commands (see README.md).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "app/backup.h"
#include "app/commands.h"
#include "app/config.h"
#include "core/log_event.h"
#include "store/database.h"

namespace {

struct CommonFlags {
  std::optional<std::string> config_file;
  wagelink::app::CommandLineOverrides overrides;
};

void AddCommonFlags(CLI::App* command, CommonFlags& flags) {
  command->add_option("--config", flags.config_file, "TOML configuration file (see config/wagelink.example.toml)");
  command->add_option("--db", flags.overrides.database_url, "database: sqlite:PATH or postgresql://...");
  command->add_option("--data-dir", flags.overrides.data_dir, "reference data folder (default: beside the installed binary)");
  command->add_option("--key-file", flags.overrides.key_file, "master key file for field encryption and audit signing");
  command->add_option("--log-level", flags.overrides.log_level, "trace|debug|info|warn|error|off");
  command->add_option("--anchor-file", flags.overrides.anchor_file,
                      "the append-only file the server publishes audit anchors to (audit.anchor_file)");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"WageLink 欠薪案件行刑衔接平台 — server and administration commands"};
  cli.require_subcommand(1);
  CommonFlags flags;

  auto* serve = cli.add_subcommand("serve", "run the HTTP server");
  AddCommonFlags(serve, flags);
  wagelink::app::ServeOptions serve_options;
  serve->add_option("--port", flags.overrides.port, "TCP port (0 = any free port)");
  serve->add_option("--address", flags.overrides.address, "listen address (default 127.0.0.1)");
  serve->add_option("--web-root", flags.overrides.web_root, "built web UI folder (default: beside the installed binary)");
  serve->add_option("--port-file", serve_options.port_file, "write the bound port to this file once listening");
  serve->add_flag("--demo", serve_options.demo, "create the demo district first if it is missing");

  auto* init = cli.add_subcommand("init", "create or upgrade the database; --demo adds the demo district");
  AddCommonFlags(init, flags);
  bool demo = false;
  init->add_flag("--demo", demo, "create the demo district (bodies, liaison roster, one user per role)");
  std::string district_file;
  init->add_option("--district", district_file,
                   "create a real district from FILE (data/demo/district.json's shape without demo_password); "
                   "prints each new account's one-time password once");

  auto* migrate = cli.add_subcommand("migrate", "apply pending database migrations");
  AddCommonFlags(migrate, flags);

  auto* audit = cli.add_subcommand("audit", "audit log tools");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand(
      "verify", "check the keyed chain against the signed checkpoints and anchors; exit 3 if tampered (never creates keys)");
  AddCommonFlags(audit_verify, flags);
  std::vector<std::string> anchor_files;
  audit_verify->add_option("--anchor", anchor_files, "also check against this anchor file (e.g. the auditor's download)");

  auto* crypto = cli.add_subcommand("crypto", "cryptographic suite tools (docs/security.md)");
  crypto->require_subcommand(1);
  auto* crypto_switch = crypto->add_subcommand(
      "switch", "with the server stopped: re-encrypt every encrypted field under another suite, end all sessions, audit it");
  AddCommonFlags(crypto_switch, flags);
  std::string target_suite;
  crypto_switch->add_option("--to", target_suite, "sodium (libsodium) or sm (国密 SM2/SM3/SM4)")
      ->required()
      ->check(CLI::IsMember({"sodium", "sm"}));

  auto* backup = cli.add_subcommand("backup", "write a consistent online backup with a manifest of hashes (docs/operations.md)");
  AddCommonFlags(backup, flags);
  std::string backup_parent;
  backup->add_option("--out", backup_parent, "folder in which the backup folder is created")->required();
  auto* restore = cli.add_subcommand("restore", "restore a backup into an empty database and verify it");
  AddCommonFlags(restore, flags);
  std::string restore_folder;
  restore->add_option("--from", restore_folder, "the backup folder (wagelink-backup-...)")->required();

  auto* sweep = cli.add_subcommand("sweep", "run the deadline sweep once now and report it");
  AddCommonFlags(sweep, flags);

  auto* webhook_secret = cli.add_subcommand("webhook-secret", "print the HMAC key the SMS/WeChat gateway verifies with");
  AddCommonFlags(webhook_secret, flags);

  auto* assess = cli.add_subcommand("assess", "crime-elements assessment of one case read as JSON from stdin");
  AddCommonFlags(assess, flags);

  auto* calendar = cli.add_subcommand("calendar", "working-day calendar tools");
  calendar->require_subcommand(1);
  auto* add_days = calendar->add_subcommand("add-working-days", "print the date N working days after DATE (DATE not counted)");
  AddCommonFlags(add_days, flags);
  std::string calendar_date;
  int calendar_n = 0;
  add_days->add_option("DATE", calendar_date, "start date, YYYY-MM-DD")->required();
  add_days->add_option("N", calendar_n, "number of working days")->required();

  cli.add_subcommand("version", "print the version")->callback([] { std::cout << "wagelink 0.1.0\n"; });

  CLI11_PARSE(cli, argc, argv);
  if (cli.got_subcommand("version")) return 0;

  auto config = wagelink::app::LoadConfig(flags.config_file, wagelink::app::ProcessEnvironment(), flags.overrides);
  if (!config) {
    std::cerr << "wagelink: " << config.error().message_zh << "\n          " << config.error().message_en << "\n";
    return 2;
  }
  wagelink::ConfigureLogging(config->log_level);
  const auto run_command = [&]() -> int {
    if (cli.got_subcommand("serve")) return wagelink::app::RunServe(*config, serve_options);
    if (cli.got_subcommand("init")) return wagelink::app::RunInit(*config, demo, district_file);
    if (cli.got_subcommand("migrate")) return wagelink::app::RunMigrate(*config);
    if (cli.got_subcommand("backup")) return wagelink::app::RunBackup(*config, backup_parent);
    if (cli.got_subcommand("restore")) return wagelink::app::RunRestore(*config, restore_folder);
    if (audit_verify->parsed()) return wagelink::app::RunAuditVerify(*config, anchor_files);
    if (crypto_switch->parsed()) return wagelink::app::RunCryptoSwitch(*config, target_suite);
    if (assess->parsed()) return wagelink::app::RunAssess(*config, flags.overrides.database_url.has_value());
    if (sweep->parsed()) return wagelink::app::RunSweep(*config);
    if (webhook_secret->parsed()) return wagelink::app::RunWebhookSecret(*config);
    if (add_days->parsed()) return wagelink::app::RunAddWorkingDays(*config, calendar_date, calendar_n, flags.overrides.database_url.has_value());
    return 1;
  };
  // A database lost while a command starts or runs (the server before it listens, a migration, a
  // backup) ends the command with a message and a failure code, not std::terminate's abort.
  try {
    return run_command();
  } catch (const wagelink::store::DatabaseError& e) {
    std::string reason = e.what();  // libpq's text spans lines; one line reads better in a journal
    std::ranges::replace_if(reason, [](char c) { return c == '\n' || c == '\t'; }, ' ');
    std::cerr << "wagelink: 数据库出错，命令未完成：" << reason
              << "\n          the database failed and the command did not finish: " << reason << "\n";
    return 1;
  }
}
