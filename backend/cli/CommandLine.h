#pragma once
// The flags both executables share (--listen, --db, --version, --help), parsed into a config.

#include "Backend.h"

#include <QCommandLineParser>
#include <QHostAddress>

namespace NeoCloud {

struct ListenAddress
{
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8080;
};

// Whether the demo lab runs when neither --lab nor --no-lab is given: on for the console (a new
// user sees a live cluster), off for the server (which runs at real sites).
enum class LabDefault { On, Off };

// Adds the shared options to a parser; executables add their own before parsing.
void addCommonOptions(QCommandLineParser &parser, LabDefault lab);

// How the API is served. Beyond loopback it is HTTPS unless the operator insists otherwise.
struct TransportOptions
{
    QString certificatePath; // --tls-cert and --tls-key: the operator's own certificate
    QString keyPath;
    bool tls = false;          // --tls: HTTPS on loopback too (a generated certificate if none given)
    bool insecureHttp = false; // --insecure-http: plain HTTP beyond loopback, with a warning
};

struct CommonOptions
{
    BackendConfig backend;
    ListenAddress listen;
    TransportOptions transport;
};

// Reads the shared options after parser.process(). The default database lives under
// QStandardPaths::AppDataLocation; the admin password comes from NEOCLOUD_ADMIN_PASSWORD.
Result<CommonOptions> readCommonOptions(const QCommandLineParser &parser, LabDefault lab);

Result<ListenAddress> parseListenAddress(const QString &text);

// Creates the backend and starts its API, logging the address and any generated password.
// On failure prints one line to stderr and returns the error (callers exit non-zero).
Result<std::unique_ptr<Backend>> startBackend(const CommonOptions &options);

} // namespace NeoCloud
