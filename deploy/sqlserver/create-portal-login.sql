-- Run once by docker-compose's db-init service (as sa, which only this step uses): the portal's own
-- database and a login that owns that database and nothing else on the server. Idempotent: a re-run
-- only resets the login's password to the configured one.
-- Variables (sqlcmd -v): DatabaseName, PortalLogin, PortalPassword (no single quotes).
SET NOCOUNT ON;
IF DB_ID(N'$(DatabaseName)') IS NULL
    CREATE DATABASE [$(DatabaseName)];
GO
IF SUSER_ID(N'$(PortalLogin)') IS NULL
    CREATE LOGIN [$(PortalLogin)] WITH PASSWORD = N'$(PortalPassword)', DEFAULT_DATABASE = [$(DatabaseName)], CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [$(PortalLogin)] WITH PASSWORD = N'$(PortalPassword)';
GO
USE [$(DatabaseName)];
GO
IF USER_ID(N'$(PortalLogin)') IS NULL
    CREATE USER [$(PortalLogin)] FOR LOGIN [$(PortalLogin)];
ALTER ROLE db_owner ADD MEMBER [$(PortalLogin)];
GO
PRINT N'Login $(PortalLogin) owns database $(DatabaseName) only.';
GO
