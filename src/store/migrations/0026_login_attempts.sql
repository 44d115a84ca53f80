-- Issue 16: sign-in attempts per client address, counted in the database so that several instances
-- share one limit (services/auth_service.h, kLoginAttemptsPerMinute). Each instance counted them in
-- its own memory before, so N instances let N times as many guesses through.
CREATE TABLE login_attempts (
  client_address TEXT NOT NULL,
  at BIGINT NOT NULL               -- Unix seconds
);
CREATE INDEX login_attempts_client ON login_attempts (client_address, at);
CREATE INDEX login_attempts_age ON login_attempts (at);
